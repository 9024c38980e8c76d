/**
 * The expected wait a queue announces. Asterisk's app_queue announces a running average of
 * how long answered callers waited; this does the same per queue, on this worker, over the
 * last few answered callers, scaled by the caller's place in line and less what they already
 * waited. Before any caller of the queue was answered here, it assumes each caller ahead
 * takes one full ring of the members (position × memberRingSec): a guess, but one that grows
 * with the line and is never zero for a caller who is not next.
 */

/** Answered waits remembered per queue: enough to smooth one slow caller, few enough to follow a change. */
const RECENT = 10;

export class QueueWaitStats {
  readonly #recent = new Map<string, number[]>();

  /** A caller of `queueId` was answered after waiting `waitedSec`. */
  answered(queueId: string, waitedSec: number): void {
    const waits = [...(this.#recent.get(queueId) ?? []), Math.max(0, waitedSec)].slice(-RECENT);
    this.#recent.set(queueId, waits);
  }

  /** Average answered wait of the queue in seconds, or null when none is known yet. */
  averageSec(queueId: string): number | null {
    const waits = this.#recent.get(queueId);
    if (!waits?.length) return null;
    return waits.reduce((a, b) => a + b, 0) / waits.length;
  }
}

/** Seconds the caller at `position` (1 = next) can still expect to wait; never negative. */
export function expectedWaitSec(averageSec: number | null, position: number, waitedSec: number, memberRingSec: number): number {
  const perCaller = averageSec ?? memberRingSec;
  return Math.max(0, Math.round(perCaller * position - (averageSec === null ? 0 : waitedSec)));
}
