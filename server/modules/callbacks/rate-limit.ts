/**
 * Rate limits kept in PostgreSQL (RateLimitCounter), so every web instance counts the same
 * requests (DESIGN.md section 8: no state in a web process that another instance needs).
 *
 * Sliding window, estimated from two fixed windows: the current window's count plus the
 * previous window's, weighted by how much of it still lies inside the sliding window. That
 * keeps one row per key and window and one statement per request, and unlike a fixed window it
 * lets no burst of twice the limit through at a window's edge. Every hit counts, refused or
 * not, so a client that keeps hammering stays refused.
 *
 * All of a request's keys are counted in one statement, in a fixed (sorted) order so two
 * requests never wait on each other's rows in opposite orders. Any failure throws: the caller
 * refuses the request (fail closed).
 */
import { prepare, runPrepared } from "@/server/database/prepared";
import { db } from "@/server/db";
import type { LimitRule } from "./intake/limits";
import { retryAfterSec, slidingCount } from "./sliding-window";

export type RateLimitVerdict = { ok: true } | { ok: false; rule: LimitRule; retryAfterSec: number };

interface CounterRow {
  key: string;
  current: number;
  previous: number;
}

/**
 * One statement for every rule: count the hit in the current window, read the previous one.
 * Prepared, since it runs on every callback request (server/database/prepared.ts).
 */
const HIT_COUNTERS = prepare<CounterRow>("callback-rate-limit-hit", `
  WITH hit AS (
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
    SELECT k, w, 1 FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS t(k, w, n) ORDER BY n
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "key", "count"
  )
  SELECT hit."key", hit."count" AS "current", COALESCE(p."count", 0) AS "previous"
  FROM hit
  JOIN unnest($1::text[], $3::timestamptz[]) AS prev(k, w) ON prev.k = hit."key"
  LEFT JOIN "RateLimitCounter" p ON p."key" = prev.k AND p."windowStart" = prev.w`);

const windowStartOf = (nowMs: number, windowSec: number) => Math.floor(nowMs / (windowSec * 1000)) * windowSec * 1000;

/** Counts one hit on every rule's key; refuses with the rule that is over its limit (the longest wait). */
export async function hitRateLimits(rules: readonly LimitRule[], now = new Date()): Promise<RateLimitVerdict> {
  if (rules.length === 0) return { ok: true };
  const nowMs = now.getTime();
  const sorted = [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = sorted.map((r) => `${r.key}:${r.windowSec}`);
  const starts = sorted.map((r) => new Date(windowStartOf(nowMs, r.windowSec)));
  const previousStarts = sorted.map((r) => new Date(windowStartOf(nowMs, r.windowSec) - r.windowSec * 1000));
  const rows = await runPrepared(HIT_COUNTERS, [keys, starts, previousStarts]);
  maybePurge(nowMs);
  let worst: { rule: LimitRule; retryAfterSec: number } | null = null;
  for (const [i, rule] of sorted.entries()) {
    const row = rows.find((r) => r.key === keys[i]);
    if (!row) throw new Error(`rate-limit counter for ${keys[i]} was not returned`);
    const elapsed = (nowMs - starts[i]!.getTime()) / (rule.windowSec * 1000);
    // The estimate includes this hit: the limit-th request is the last one let through.
    if (slidingCount(Number(row.previous), Number(row.current), elapsed) > rule.limit) {
      const wait = retryAfterSec(rule, Number(row.previous), Number(row.current), elapsed);
      if (!worst || wait > worst.retryAfterSec) worst = { rule, retryAfterSec: wait };
    }
  }
  return worst ? { ok: false, ...worst } : { ok: true };
}

/** Windows older than the longest one (an hour is plenty) are dead; drop them now and then. */
const PURGE_EVERY_MS = 10 * 60_000;
let lastPurgeMs = 0;
function maybePurge(nowMs: number) {
  if (nowMs - lastPurgeMs < PURGE_EVERY_MS) return;
  lastPurgeMs = nowMs;
  void db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "windowStart" < ${new Date(nowMs - 2 * 3600_000)}`.catch(() => {
    // The next purge tries again; a missed purge costs only disk.
  });
}
