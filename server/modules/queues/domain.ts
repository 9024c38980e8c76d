/** Call-queue words, pure and browser-safe, for the form and the list. */
import type { QueueEmptyAction } from "../../generated/prisma/enums";
import type { WhenNoMembers } from "./schema";

export const WHEN_NO_MEMBERS_TO_DB: Record<WhenNoMembers, QueueEmptyAction> = { wait: "WAIT", leave: "LEAVE" };
export const WHEN_NO_MEMBERS_FROM_DB: Record<QueueEmptyAction, WhenNoMembers> = { WAIT: "wait", LEAVE: "leave" };

export const WHEN_NO_MEMBERS_LABELS: Record<WhenNoMembers, string> = {
  wait: "Wait for a member to log in, up to the maximum wait",
  leave: "Leave the queue at once, to the destination below",
};

/** "2 min 5 s", "45 s", "1 h 30 min": a wait as people say it. */
export function formatWait(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, m && `${m} min`, (s || (!h && !m)) && `${s} s`].filter(Boolean).join(" ");
}
