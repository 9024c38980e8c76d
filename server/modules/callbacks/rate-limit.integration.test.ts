/**
 * The PostgreSQL rate limits under concurrent requests: hits that arrive together are counted
 * in one statement (rate-limit.ts), and each is still counted as if it had been alone.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { LimitRule } from "./intake/limits";
import { hitRateLimits } from "./rate-limit";

const fresh = (what: string) => `test:${what}:${randomBytes(6).toString("hex")}`;
const rule = (key: string, limit: number): LimitRule => ({ key, limit, windowSec: 60, scope: "ip" });
/** Ten seconds into a minute, so no test's hits straddle a window's edge by accident. */
const inWindow = (minute: number, second = 10) => new Date(Date.UTC(2026, 11, 7, 12, minute, second));

describe("[CALLBACK_RATE_LIMIT] counters under concurrency", () => {
  it("lets exactly the limit through when 40 requests hit one key at once, each with its own second key", async () => {
    const hot = fresh("hot");
    const now = inWindow(1);
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => hitRateLimits([rule(hot, 5), rule(fresh("own"), 1)], now)));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(5);
    expect(new Set(verdicts.filter((v) => !v.ok).map((v) => !v.ok && v.rule.key))).toEqual(new Set([hot]));
    const [row] = await db.$queryRaw<{ count: number }[]>`SELECT "count" FROM "RateLimitCounter" WHERE "key" = ${`${hot}:60`}`;
    expect(row?.count).toBe(40);
  });

  it("counts hits of one batch that fall on both sides of a window's edge in their own windows", async () => {
    const key = fresh("edge");
    const before = Array.from({ length: 3 }, () => hitRateLimits([rule(key, 100)], inWindow(2, 59)));
    const after = Array.from({ length: 2 }, () => hitRateLimits([rule(key, 100)], inWindow(3, 0)));
    expect((await Promise.all([...before, ...after])).every((v) => v.ok)).toBe(true);
    const rows = await db.$queryRaw<{ count: number }[]>`SELECT "count" FROM "RateLimitCounter" WHERE "key" = ${`${key}:60`} ORDER BY "windowStart"`;
    expect(rows.map((r) => r.count)).toEqual([3, 2]);
  });

  it("weighs the previous window in, and refuses with the rule that waits longest", async () => {
    const key = fresh("prev");
    for (let i = 0; i < 4; i++) expect((await hitRateLimits([rule(key, 4)], inWindow(4, 30))).ok).toBe(true);
    // 15 s into the next minute, three quarters of the previous window's 4 still count: 3 + 1 passes, 3 + 2 does not.
    expect((await hitRateLimits([rule(key, 4)], inWindow(5, 15))).ok).toBe(true);
    const refused = await hitRateLimits([rule(fresh("other"), 100), rule(key, 4)], inWindow(5, 15));
    expect(refused).toMatchObject({ ok: false, rule: { key } });
  });
});
