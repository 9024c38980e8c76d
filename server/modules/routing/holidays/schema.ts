/** Inputs of the company's holiday list. Browser-safe: the holidays page validates with these. */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";

/** A real calendar date "YYYY-MM-DD" (not 2027-02-30), within years anyone plans for. */
export const ZHolidayDate = singleLine()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2027-12-25")
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(d);
  }, "Not a real date")
  .refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "Choose a date between 2000 and 2100");

export const ZAddHolidayInput = z.object({
  date: ZHolidayDate,
  name: singleLine().min(1, "Name the holiday").max(64, "Use at most 64 characters"),
});
export type TAddHolidayInput = z.infer<typeof ZAddHolidayInput>;

export const ZRemoveHolidayInput = z.object({ id: ZRecordId });
