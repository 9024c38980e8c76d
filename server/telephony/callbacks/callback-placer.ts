/**
 * Claims due callback requests and places them. Woken by NOTIFY CALLBACK_QUEUED (the intake
 * queued one that is due now) and by a poll every couple of seconds, which also picks up
 * requests whose `notBefore` has come and notices lost while LISTEN was down. One claim loop
 * runs at a time per worker; claims are single statements (callback-store.ts), so any number
 * of workers may run against one database and each request is placed exactly once.
 * Nothing is claimed while ARI is disconnected or the worker drains: a claimed request has to
 * be rung now, and a request left queued is still placed by whichever worker can.
 */
import type { CallbackRequest } from "@/server/generated/prisma/client";
import type { Logger } from "../log";
import type { CallbackStore } from "./callback-store";

export interface PlacerOptions {
  store: CallbackStore;
  workerId: string;
  place: (row: CallbackRequest) => Promise<void>;
  /** ARI connected and the start-up settled: requests can be rung now. */
  isReady: () => boolean;
  log: Logger;
  pollMs?: number;
  /** Requests this worker places at once; more stay queued for it or another worker. */
  maxInFlight?: number;
}

export function startCallbackPlacer(options: PlacerOptions) {
  const maxInFlight = options.maxInFlight ?? 50;
  const inFlight = new Set<Promise<void>>();
  let isStopping = false;
  let running: Promise<void> | null = null;
  let isWanted = false;

  const claimRound = async () => {
    do {
      isWanted = false;
      if (isStopping || !options.isReady()) return;
      await options.store.expireStale();
      const rows = await options.store.claim(options.workerId, maxInFlight - inFlight.size);
      if (rows.length > 0) options.log.debug("claimed callback requests", { count: rows.length, inFlight: inFlight.size });
      for (const row of rows) {
        const placing: Promise<void> = options.place(row)
          .catch((err: unknown) => options.log.error("callback placement failed", { callbackRequestId: row.id, err }))
          .finally(() => {
            inFlight.delete(placing);
            if (!isStopping) wake(); // room for one more
          });
        inFlight.add(placing);
      }
      // A full batch may have left more due requests behind.
      if (rows.length > 0 && inFlight.size < maxInFlight) isWanted = true;
    } while (isWanted && !isStopping);
  };

  function wake(): void {
    if (running) {
      isWanted = true;
      return;
    }
    running = claimRound()
      .catch((err: unknown) => options.log.warn("claiming callback requests failed; retrying at the next poll", { err }))
      .finally(() => (running = null));
  }

  const timer = setInterval(wake, options.pollMs ?? 2000);
  timer.unref();

  return {
    wake,
    get inFlight() {
      return inFlight.size;
    },
    /** Stops claiming; resolves once the claim in progress (if any) is done. */
    async stopClaiming(): Promise<void> {
      isStopping = true;
      clearInterval(timer);
      await running;
    },
    /** Waits for requests being placed to reach a final state, at most `timeoutMs`. */
    async drain(timeoutMs: number): Promise<void> {
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(inFlight), new Promise((resolve) => (timeout = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timeout);
    },
  };
}

export type CallbackPlacer = ReturnType<typeof startCallbackPlacer>;
