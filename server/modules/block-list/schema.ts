import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

/** A caller to block, as written or as a CDR holds it; read as E.164 in the company's country. */
export const ZBlockNumberInput = z.object({
  number: singleLine().min(1, "Enter a number").max(40, "Use at most 40 characters"),
  note: singleLine().max(200, "Use at most 200 characters").optional(),
});
export type TBlockNumberInput = z.infer<typeof ZBlockNumberInput>;

export const ZBlockedNumberId = z.object({ id: ZRecordId });
