/** Reconnect delays: capped exponential backoff with jitter. */

export interface BackoffOptions {
  /** Delay before the first retry; doubles on every consecutive failure. Default 500 ms. */
  initialDelayMs?: number;
  /** Upper bound for the delay (the worker's ARI_RECONNECT_MAX_SECONDS). Default 30 s. */
  maxDelaySeconds?: number;
}

/**
 * Delay before retry number `attempt` (0-based). Uses "equal jitter": half the capped
 * exponential delay plus a random share of the other half, so a fleet of workers spreads out
 * after an Asterisk restart yet never retries in a tight loop.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = Math.max(1, options.initialDelayMs ?? 500);
  const cap = Math.max(initial, (options.maxDelaySeconds ?? 30) * 1000);
  // Clamp the exponent so 2 ** attempt cannot overflow to Infinity on a long outage.
  const exponential = Math.min(cap, initial * 2 ** Math.min(attempt, 30));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
