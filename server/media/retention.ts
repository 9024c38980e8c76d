/**
 * The recording retention job: deletes call recordings older than their company's
 * `recordingRetentionDays` (null = kept until deleted by hand), and files in the store that no
 * Recording row names (orphans). Safe to run at any time, twice in a row, or in several
 * workers at once:
 *  - expired rows are claimed in batches with FOR UPDATE SKIP LOCKED, so two runners never
 *    take the same row, and each batch is one transaction;
 *  - per row the file goes first, then the row, then the CDR's recordingRef is cleared; a file
 *    that cannot be deleted keeps its row (logged, retried next run), so no row is ever left
 *    pointing at nothing by this job, and deleting a file that is already gone is not an error;
 *  - an orphan is removed only when older than `orphanGraceMs` (default an hour): the worker
 *    writes a recording's file before its row, so a young file without a row may be one whose
 *    row is being written right now.
 * Orphans are found only in stores that can list their files (the local folder).
 */
import { db } from "@/server/db";
import { isListable, type MediaStore } from "./storage/media-store";

const BATCH_SIZE = 100;
const HOUR_MS = 3_600_000;

export interface RetentionResult {
  deleted: number;
  /** Expired recordings whose file could not be deleted; kept for the next run. */
  failed: number;
  orphansRemoved: number;
}

export interface RetentionOptions {
  store: MediaStore;
  now?: Date;
  batchSize?: number;
  orphanGraceMs?: number;
  onError?: (message: string, fields: Record<string, unknown>) => void;
}

type Expired = { id: string; tenantId: string; fileKey: string };

export async function runRecordingRetention(options: RetentionOptions): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const result: RetentionResult = { deleted: 0, failed: 0, orphansRemoved: 0 };
  const failedIds: string[] = [];
  for (;;) {
    const batch = await deleteExpiredBatch(options, now, failedIds);
    result.deleted += batch.deleted;
    result.failed += batch.failed;
    if (batch.claimed === 0) break;
  }
  result.orphansRemoved = await removeOrphans(options, now);
  return result;
}

async function deleteExpiredBatch(options: RetentionOptions, now: Date, failedIds: string[]) {
  return db.$transaction(async (tx) => {
    // Rows whose file failed to go this run are skipped, so the loop ends; the next run retries them.
    const skip = failedIds.length > 0 ? failedIds : [""];
    const expired = await tx.$queryRaw<Expired[]>`
      SELECT r."id", r."tenantId", r."fileKey"
      FROM "Recording" r JOIN "Tenant" t ON t."id" = r."tenantId"
      WHERE t."recordingRetentionDays" IS NOT NULL
        AND r."startedAt" + make_interval(days => t."recordingRetentionDays") < ${now}
        AND r."id" <> ALL(${skip})
      ORDER BY r."startedAt"
      LIMIT ${options.batchSize ?? BATCH_SIZE}
      FOR UPDATE OF r SKIP LOCKED`;
    const gone: string[] = [];
    for (const row of expired) {
      try {
        await options.store.delete(row.fileKey);
        gone.push(row.id);
      } catch (err) {
        failedIds.push(row.id);
        options.onError?.("recording file could not be deleted; kept for the next run", { tenantId: row.tenantId, recordingId: row.id, err: String(err) });
      }
    }
    if (gone.length > 0) {
      await tx.recording.deleteMany({ where: { id: { in: gone } } });
      await tx.callRecord.updateMany({ where: { recordingRef: { in: gone } }, data: { recordingRef: null } });
    }
    return { claimed: expired.length, deleted: gone.length, failed: expired.length - gone.length };
  });
}

async function removeOrphans(options: RetentionOptions, now: Date): Promise<number> {
  const store = options.store;
  if (!isListable(store)) return 0;
  const cutoff = now.getTime() - (options.orphanGraceMs ?? HOUR_MS);
  const old = (await store.list("recordings")).filter((file) => file.modifiedAt.getTime() < cutoff);
  let removed = 0;
  for (let at = 0; at < old.length; at += BATCH_SIZE) {
    const keys = old.slice(at, at + BATCH_SIZE).map((file) => file.key);
    const known = new Set((await db.recording.findMany({ where: { fileKey: { in: keys } }, select: { fileKey: true } })).map((r) => r.fileKey));
    for (const key of keys.filter((k) => !known.has(k))) {
      await store.delete(key);
      removed++;
    }
  }
  return removed;
}
