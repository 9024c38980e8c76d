/**
 * Rate limits kept in PostgreSQL (RateLimitCounter), so every web instance counts the same
 * requests (DESIGN.md section 8: no state in a web process that another instance needs).
 *
 * Sliding window, estimated from two fixed windows: the current window's count plus the
 * previous window's, weighted by how much of it still lies inside the sliding window. That
 * keeps one row per key and window, and unlike a fixed window it
 * lets no burst of twice the limit through at a window's edge. Every hit counts, refused or
 * not, so a client that keeps hammering stays refused.
 *
 * All of a request's keys are counted in one statement, and while one such statement runs,
 * the requests arriving meanwhile are counted together in the next (batch-while-busy.ts,
 * counter-batch.ts): a busy key's counter row is then updated once per batch, not once per
 * request with every other request waiting on its row lock. Rows are locked in a fixed
 * (sorted) order, so two statements never wait on each other in opposite orders. Any failure
 * throws: the caller refuses the request (fail closed).
 */
import { batchWhileBusy } from "@/server/database/batch-while-busy";
import { prepare, runPrepared } from "@/server/database/prepared";
import { db } from "@/server/db";
import { countsOfRequests, planCounterBatch, type CounterCounts, type CounterHit } from "./counter-batch";
import type { LimitRule } from "./intake/limits";
import { retryAfterSec, slidingCount } from "./sliding-window";

export type RateLimitVerdict = { ok: true } | { ok: false; rule: LimitRule; retryAfterSec: number };

/**
 * One statement for a batch: add each row's hits to its window, read the previous window.
 * Prepared, since it runs on every callback request (server/database/prepared.ts).
 */
const HIT_COUNTERS = prepare<{ n: string; current: number; previous: number }>("callback-rate-limit-hits", `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::timestamptz[]) WITH ORDINALITY AS t(k, w, inc, prev, n)
  ), hit AS (
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
    SELECT k, w, inc FROM input ORDER BY n
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + EXCLUDED."count"
    RETURNING "key", "windowStart", "count"
  )
  SELECT i.n, hit."count" AS "current", COALESCE(p."count", 0) AS "previous"
  FROM input i
  JOIN hit ON hit."key" = i.k AND hit."windowStart" = i.w
  LEFT JOIN "RateLimitCounter" p ON p."key" = i.k AND p."windowStart" = i.prev`);

/** Enough for every request a web process has in flight at once; more wait for the next batch. */
const MAX_REQUESTS_PER_BATCH = 200;

const countHits = batchWhileBusy<CounterHit[], CounterCounts[]>(async (requests) => {
  const batch = planCounterBatch(requests);
  const rows = batch.rows;
  const returned = await runPrepared(HIT_COUNTERS, [rows.map((r) => r.counter), rows.map((r) => r.start), rows.map((r) => r.increment), rows.map((r) => r.previousStart)]);
  const totals: CounterCounts[] = [];
  for (const row of returned) totals[Number(row.n) - 1] = { current: Number(row.current), previous: Number(row.previous) };
  return countsOfRequests(batch, totals);
}, MAX_REQUESTS_PER_BATCH);

const windowStartOf = (nowMs: number, windowSec: number) => Math.floor(nowMs / (windowSec * 1000)) * windowSec * 1000;

/** Counts one hit on every rule's key; refuses with the rule that is over its limit (the longest wait). */
export async function hitRateLimits(rules: readonly LimitRule[], now = new Date()): Promise<RateLimitVerdict> {
  if (rules.length === 0) return { ok: true };
  const nowMs = now.getTime();
  const hits = rules.map((r) => {
    const start = windowStartOf(nowMs, r.windowSec);
    return { counter: `${r.key}:${r.windowSec}`, start: new Date(start), previousStart: new Date(start - r.windowSec * 1000) };
  });
  const counts = await countHits(hits);
  maybePurge(nowMs);
  let worst: { rule: LimitRule; retryAfterSec: number } | null = null;
  for (const [i, rule] of rules.entries()) {
    const { current, previous } = counts[i]!;
    const elapsed = (nowMs - hits[i]!.start.getTime()) / (rule.windowSec * 1000);
    // The estimate includes this hit: the limit-th request is the last one let through.
    if (slidingCount(previous, current, elapsed) > rule.limit) {
      const wait = retryAfterSec(rule, previous, current, elapsed);
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
