/**
 * Runs the monthly recurring charges from the worker: at start and then hourly. The job's
 * state lives in the database (one RecurringCharge row per account and month, claimed with
 * SKIP LOCKED), so a restart loses nothing and several workers, or a cron run of
 * `npm run billing:recurring`, never charge an account twice in a month.
 */
import { runRecurringCharges } from "@/server/modules/billing/system/recurring-charges";
import { reconcileNumberOrders } from "@/server/modules/numbers/shop/reconcile";
import type { Logger } from "./log";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function scheduleRecurringCharges(log: Logger, everyMs = HOUR_MS): { stop(): void } {
  return every(everyMs, () =>
    runRecurringCharges(new Date())
      .then((result) => {
        if (result.charged > 0) log.info("recurring charges applied", { period: result.period, charged: result.charged });
      })
      .catch((err: unknown) => log.error("recurring charges failed; will retry next hour", { err: String(err) })),
  );
}

/**
 * The number-order reconciler (server/modules/numbers/shop/reconcile.ts), every minute: supplier
 * orders whose answer was lost, releases that failed, quarantines that ended. Its state is the
 * purchases' and numbers' rows, so it is safe in several workers at once.
 */
export function scheduleNumberReconciler(log: Logger, everyMs = MINUTE_MS): { stop(): void } {
  return every(everyMs, () =>
    reconcileNumberOrders(new Date())
      .then((s) => {
        if (s.completed + s.failed + s.released + s.unquarantined + s.errors > 0) log.info("number orders reconciled", s);
      })
      .catch((err: unknown) => log.error("number reconciler failed; will retry next minute", { err: String(err) })),
  );
}

/** Runs `job` now and every `everyMs`, never two at once: a slow run is skipped, the next tick catches up. */
export function every(everyMs: number, job: () => Promise<void>): { stop(): void } {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = job().finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
