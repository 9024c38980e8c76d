import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";
import { AUDIT_AREAS } from "./actions";

/** Rolling windows back from now: no calendar day to pin to a time zone. */
export const AUDIT_PERIODS = ["day", "week", "month", "quarter"] as const;
export type AuditPeriod = (typeof AUDIT_PERIODS)[number];
export const AUDIT_PERIOD_LABELS: Record<AuditPeriod, string> = { day: "Last 24 hours", week: "Last 7 days", month: "Last 30 days", quarter: "Last 90 days" };
export const AUDIT_PERIOD_DAYS: Record<AuditPeriod, number> = { day: 1, week: 7, month: 30, quarter: 90 };

/** Who, what and when; each left out means "any". */
export const ZAuditFilter = z.object({
  /** Part of the email of the person who acted. */
  who: singleLine().max(254, "Use at most 254 characters").optional(),
  what: z.enum(AUDIT_AREAS).optional(),
  when: z.enum(AUDIT_PERIODS).optional(),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export const ZFindAuditLogInput = ZAuditFilter.extend({
  tenantId: ZRecordId.optional(),
  /** The id of the last row of the previous page (rows come newest first). */
  cursor: singleLine({ trim: false }).regex(/^\d{1,19}$/, "Not a valid page cursor").optional(),
});
export type TFindAuditLogInput = z.infer<typeof ZFindAuditLogInput>;
