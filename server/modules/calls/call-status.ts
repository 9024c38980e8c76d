import type { CallDisposition } from "../../generated/prisma/enums";
import type { CallStatus } from "./schema";

/** Voicemail counts as missed: the caller reached nobody. Rejected calls (blocked, barred) failed. */
const STATUS: Record<CallDisposition, CallStatus> = {
  ANSWERED: "answered",
  NO_ANSWER: "missed",
  VOICEMAIL: "missed",
  BUSY: "busy",
  FAILED: "failed",
  REJECTED: "failed",
};

export const callStatusOf = (disposition: CallDisposition): CallStatus => STATUS[disposition];
