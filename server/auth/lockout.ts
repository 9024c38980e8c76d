/** Sign-in lockout rules (pure). Failures count since the last success, within the window. */
export const LOCKOUT = {
  windowMs: 10 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  // Per IP the bar is higher: one office's NAT signs many people in; the point is to stop one
  // address spraying passwords across many accounts.
  maxFailuresPerIp: 20,
} as const;

/**
 * When the lock ends, or null when not locked. `failures` are the times of failed attempts
 * (any order) since the last successful sign-in. Locked when `max` failures fall within one
 * window; the lock lasts `lockMs` from the failure that reached the limit.
 */
export function lockedUntil(failures: Date[], max: number, now: Date): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = max - 1; i < times.length; i++) {
    const first = times[i - max + 1]!;
    const last = times[i]!;
    if (last - first <= LOCKOUT.windowMs) until = Math.max(until ?? 0, last + LOCKOUT.lockMs);
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}

export function minutesLeft(until: Date, now: Date) {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
