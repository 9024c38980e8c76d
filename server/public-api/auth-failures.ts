/**
 * Failed authentications per client IP (issue 14), counted in PostgreSQL like every callback
 * limit so that all web instances share them. Beyond the limit an IP is refused with 429
 * before its key is even looked up, valid or not: otherwise a guesser would keep getting
 * answers, and a right guess would still get through. Keys carry 256 random bits, so guessing
 * is hopeless anyway; this keeps the attempts cheap for us and slow for them.
 *
 * Fails closed like the intake's limits: a counter that cannot be read refuses the request.
 */
import { prepare, runPrepared } from "@/server/database/prepared";
import { hitRateLimits } from "@/server/modules/callbacks/rate-limit";
import { retryAfterSec, slidingCount } from "@/server/modules/callbacks/sliding-window";
import type { LimitRule } from "@/server/modules/callbacks/intake/limits";
import { AUTH_FAILURE_LIMIT } from "./limits";

/** A prepared statement: it runs on every API request while the limits are on. */
const FAILURE_WINDOWS = prepare<{ windowStart: Date; count: number }>("api-auth-failure-windows", `
  SELECT "windowStart", "count" FROM "RateLimitCounter" WHERE "key" = $1 AND "windowStart" IN ($2, $3)`);

const ruleFor = (clientIp: string): LimitRule => ({ key: `api:authfail:ip:${clientIp}`, ...AUTH_FAILURE_LIMIT, scope: "ip" });

/** Seconds to wait when the IP is over its failure limit, else null. Counts nothing. */
export async function authFailureBlock(clientIp: string, now = new Date()): Promise<number | null> {
  const rule = ruleFor(clientIp);
  const windowMs = rule.windowSec * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  // Same row layout as rate-limit.ts: key ":windowSec", one row per fixed window.
  const rows = await runPrepared(FAILURE_WINDOWS, [`${rule.key}:${rule.windowSec}`, new Date(start), new Date(start - windowMs)]);
  const current = rows.find((r) => r.windowStart.getTime() === start)?.count ?? 0;
  const previous = rows.find((r) => r.windowStart.getTime() === start - windowMs)?.count ?? 0;
  const elapsed = (now.getTime() - start) / windowMs;
  // One more failure would be over the limit: the IP waits until the estimate has room again.
  if (slidingCount(previous, current, elapsed) < rule.limit) return null;
  return retryAfterSec(rule, previous, current, elapsed);
}

/** Counts one failure; returns seconds to wait if this one went over the limit. */
export async function recordAuthFailure(clientIp: string, now = new Date()): Promise<number | null> {
  const verdict = await hitRateLimits([ruleFor(clientIp)], now);
  return verdict.ok ? null : verdict.retryAfterSec;
}
