import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

/** As the database's CHECK has it: an optional "*" then 1-4 digits ("*21", "21"). */
export const SPEED_DIAL_CODE_PATTERN = /^\*?[0-9]{1,4}$/;

const ZSpeedDialFields = {
  code: singleLine().regex(SPEED_DIAL_CODE_PATTERN, "Use 1 to 4 digits, optionally after a star, such as *21"),
  /** A phone number (read in the company's country) or an extension, hunt group or queue number. */
  number: singleLine().min(1, "Enter the number to dial").max(40, "Use at most 40 characters"),
  label: singleLine().min(1, "Enter a name").max(60, "Use at most 60 characters"),
};
export const ZCreateSpeedDialInput = z.object(ZSpeedDialFields);
export type TCreateSpeedDialInput = z.infer<typeof ZCreateSpeedDialInput>;
export const ZUpdateSpeedDialInput = z.object({ id: ZRecordId, ...ZSpeedDialFields });
export type TUpdateSpeedDialInput = z.infer<typeof ZUpdateSpeedDialInput>;
export const ZSpeedDialId = z.object({ id: ZRecordId });
