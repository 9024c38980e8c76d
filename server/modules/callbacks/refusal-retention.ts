/**
 * Deletes callback refusals older than REFUSAL_RETENTION_DAYS, for every company: the worker
 * runs it hourly (server/telephony/retention-schedule.ts). A flood of refused requests from
 * many addresses writes a row a minute per address and number, so without it the table would
 * grow with every attack. Batches, each its own statement, so no long lock; rows another
 * runner is deleting are skipped, so several workers may run it at once.
 */
import { db } from "@/server/db";

/** A quarter and a little: enough to look back over an abuse pattern, not so long a flood's rows stay. */
export const REFUSAL_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
const BATCH_SIZE = 5_000;

export async function deleteOldRefusals(options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - REFUSAL_RETENTION_DAYS * DAY_MS);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let deleted = 0;
  for (;;) {
    // Oldest ids first: ids grow with time, so the expired rows are found at the front.
    const count = await db.$executeRaw`
      DELETE FROM "CallbackRefusal" WHERE "id" IN (
        SELECT "id" FROM "CallbackRefusal" WHERE "lastAt" < ${cutoff} ORDER BY "id" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`;
    deleted += count;
    if (count < batchSize) return deleted;
  }
}
