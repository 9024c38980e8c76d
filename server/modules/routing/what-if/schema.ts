/** Inputs of "what happens if…" and the call-flow view. Browser-safe: the form validates with these. */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";

/** Where the question starts: a number, an extension or a hunt group of the company. */
export const ZFlowEntry = z.union([
  z.strictObject({ didId: ZRecordId }),
  z.strictObject({ extensionId: ZRecordId }),
  z.strictObject({ huntGroupId: ZRecordId }),
]);
export type TFlowEntry = z.infer<typeof ZFlowEntry>;

export const WITHHELD = "withheld";

export const ZWhatIfInput = z.object({
  entry: ZFlowEntry,
  /** A phone number (national or +…), one of the company's extension numbers, or "withheld". */
  caller: singleLine().min(1, "Enter the caller’s number, or “withheld”").max(40, "Use at most 40 characters"),
  /** The number the caller dialled; a number's own questions leave it out (it is the number). */
  dialled: singleLine().max(40, "Use at most 40 characters").optional(),
  /** Local date and time in the company's time zone. */
  at: singleLine().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and a time"),
});
export type TWhatIfInput = z.infer<typeof ZWhatIfInput>;

export const ZCallFlowInput = z.object({ entry: ZFlowEntry });
