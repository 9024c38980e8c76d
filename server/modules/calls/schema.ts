/** Recent calls' input and the row statuses the page shows. Browser-safe. */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

export const RECENT_CALLS_PAGE_SIZE = 50;

/** What happened to a call, as people say it; CallDisposition mapped by call-status.ts. */
export const CALL_STATUSES = ["answered", "missed", "busy", "failed"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** "<startedAt ms>.<id>" of the last row of the previous page (rows come newest first). */
export const ZRecentCallsCursor = singleLine({ trim: false }).regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,40}$/, "Not a valid page cursor");

export const ZRecentCallsInput = z.object({
  /** One extension's calls; an extension user may name only their own. Absent: everything the viewer may see. */
  extensionId: ZRecordId.optional(),
  cursor: ZRecentCallsCursor.optional(),
});
export type TRecentCallsInput = z.infer<typeof ZRecentCallsInput>;
