/**
 * The sliding-window arithmetic behind the PostgreSQL rate limits (rate-limit.ts), kept apart
 * from the database so it can be tested and reused without one.
 */
import type { LimitRule } from "./intake/limits";

/** Estimated hits in the sliding window ending now. */
export function slidingCount(previous: number, current: number, elapsedFraction: number): number {
  return previous * (1 - elapsedFraction) + current;
}

/**
 * Seconds until the estimate drops to the limit again, when no more hits come: the previous
 * window's weight fades as the current window ages; if the current window alone is over, wait
 * for the next window (where this one becomes the fading previous).
 */
export function retryAfterSec(rule: Pick<LimitRule, "limit" | "windowSec">, previous: number, current: number, elapsedFraction: number): number {
  const w = rule.windowSec;
  if (current >= rule.limit) {
    // In the next window: current * (1 - f) <= limit - 1 leaves room for one more hit.
    const f = Math.max(0, 1 - (rule.limit - 1) / current);
    return Math.max(1, Math.ceil((1 - elapsedFraction) * w + f * w - 1e-9));
  }
  const f = 1 - (rule.limit - 1 - current) / previous;
  // The epsilon keeps float noise (18.000000000000004) from adding a second.
  return Math.max(1, Math.ceil((f - elapsedFraction) * w - 1e-9));
}
