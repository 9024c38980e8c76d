/**
 * Runs the monthly recurring charges from the worker: at start and then hourly. The job's
 * state lives in the database (one RecurringCharge row per account and month, claimed with
 * SKIP LOCKED), so a restart loses nothing and several workers, or a cron run of
 * `npm run billing:recurring`, never charge an account twice in a month.
 */
import { runRecurringCharges } from "@/server/modules/billing/system/recurring-charges";
import type { Logger } from "./log";

const HOUR_MS = 60 * 60_000;

export function scheduleRecurringCharges(log: Logger, everyMs = HOUR_MS): { stop(): void } {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return; // a slow run is still going; the next tick catches up
    running = runRecurringCharges(new Date())
      .then((result) => {
        if (result.charged > 0) log.info("recurring charges applied", { period: result.period, charged: result.charged });
      })
      .catch((err: unknown) => log.error("recurring charges failed; will retry next hour", { err: String(err) }))
      .finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
