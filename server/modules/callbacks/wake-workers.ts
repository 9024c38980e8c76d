/**
 * Tells the workers that requests are queued (NOTIFY callback_queued), after the insert has
 * committed, so a woken worker always finds the row. Not from inside the insert: PostgreSQL
 * holds one database-wide lock through the commit of any transaction that notifies, which made
 * every company's accepted callbacks commit one at a time (migration
 * 20261207153000_callback_wake_after_commit). Requests accepted while a NOTIFY is on its way
 * share the next one (batch-while-busy.ts): a worker woken once claims everything due.
 *
 * It never fails the request: a lost wake-up costs at most the workers' poll interval.
 */
import { batchWhileBusy } from "@/server/database/batch-while-busy";
import { prepare, runPrepared } from "@/server/database/prepared";
import { CALLBACK_QUEUED } from "./contract";

const NOTIFY_QUEUED = prepare("callback-wake-workers", `SELECT pg_notify('${CALLBACK_QUEUED}', '')`);

/** Enough for every request a web process has in flight at once. */
const MAX_WAKE_UPS_PER_NOTIFY = 1_000;

const notifyOnce = batchWhileBusy<void, void>(async (wakeUps) => {
  await runPrepared(NOTIFY_QUEUED, []);
  return wakeUps;
}, MAX_WAKE_UPS_PER_NOTIFY);

export async function wakeCallbackWorkers(): Promise<void> {
  await notifyOnce().catch((err: unknown) => console.error("the callback workers could not be woken; their poll will find the request", { err }));
}
