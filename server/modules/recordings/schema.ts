import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

export const RECORDING_DIRECTIONS = ["INBOUND", "OUTBOUND", "INTERNAL"] as const;
export const RECORDING_PAGE_SIZE = 25;

const ZLocalDate = singleLine({ trim: false }).regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31");

/** Filters of the recordings list; each left out means "any". Dates are the company's calendar days, inclusive. */
export const ZRecordingFilter = z
  .object({
    from: ZLocalDate.optional(),
    to: ZLocalDate.optional(),
    extensionId: ZRecordId.optional(),
    direction: z.enum(RECORDING_DIRECTIONS).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end date is before the start date" });
export type TRecordingFilter = z.infer<typeof ZRecordingFilter>;

/** "<startedAt ms>.<id>" of the last row of the previous page (rows come newest first). */
export const ZRecordingCursor = singleLine({ trim: false }).regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,40}$/, "Not a valid page cursor");

export const ZFindRecordingsInput = z.object({
  filter: ZRecordingFilter.optional(),
  cursor: ZRecordingCursor.optional(),
});
export type TFindRecordingsInput = z.infer<typeof ZFindRecordingsInput>;

export const ZRecordingId = z.object({ id: ZRecordId });

export const ZExtensionRef = z.object({ extensionId: ZRecordId });

export const ZRecordingSettingsInput = z.object({
  extensionId: ZRecordId,
  recordIncomingExternal: z.boolean(),
  recordIncomingInternal: z.boolean(),
  recordOutgoingExternal: z.boolean(),
  recordOutgoingInternal: z.boolean(),
  recordAnnouncement: z.boolean(),
  /** Empty: the built-in announcement. */
  recordAnnouncementPromptId: singleLine({ trim: false }).max(40, "Choose from the list"),
});
export type TRecordingSettingsInput = z.infer<typeof ZRecordingSettingsInput>;

export const MAX_RETENTION_DAYS = 3650;
/** null keeps recordings until someone deletes them. */
export const ZRetentionInput = z.object({
  days: z.number().int("Use whole days").min(1, "Keep recordings at least 1 day").max(MAX_RETENTION_DAYS, `Keep recordings at most ${MAX_RETENTION_DAYS} days`).nullable(),
});
export type TRetentionInput = z.infer<typeof ZRetentionInput>;
