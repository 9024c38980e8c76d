import { describe, expect, it } from "vitest";
import { LookupCache } from "./lookup-cache";

type Row = { tenantId: string; value: string } | null;

function cacheOf(rows: Record<string, Row>, options: { maxAgeMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const gates: (() => void)[] = [];
  let isGated = false;
  const cache = new LookupCache<Row>(
    async (key) => {
      if (key === "boom") throw new Error("database down");
      const row = rows[key] ?? null; // read at once, answered later: what a slow query does
      if (isGated) await new Promise<void>((resolve) => gates.push(resolve));
      return row;
    },
    (row) => (row ? [row.tenantId] : []),
    { maxAgeMs: options.maxAgeMs ?? 60_000, ...options },
  );
  return { cache, gate: () => void (isGated = true), release: () => gates.splice(0).forEach((open) => open()) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("LookupCache", () => {
  it("loads a key once; concurrent callers share the load", async () => {
    const { cache } = cacheOf({ alice: { tenantId: "t1", value: "a" } });
    const [a, b] = await Promise.all([cache.get("alice"), cache.get("alice")]);
    expect(await cache.get("alice")).toEqual({ tenantId: "t1", value: "a" });
    expect(a).toBe(b);
    expect(cache.loads).toBe(1);
  });

  it("forget(tenant) drops that tenant's values and every miss, and keeps other tenants'", async () => {
    const rows: Record<string, Row> = { alice: { tenantId: "t1", value: "a" }, bob: { tenantId: "t2", value: "b" } };
    const { cache } = cacheOf(rows);
    await Promise.all(["alice", "bob", "nobody"].map((k) => cache.get(k)));
    rows.nobody = { tenantId: "t2", value: "new" }; // a miss that became known, e.g. a new extension
    cache.forget("t1");
    expect(await cache.get("nobody")).toEqual({ tenantId: "t2", value: "new" });
    await cache.get("alice");
    await cache.get("bob");
    expect(cache.loads).toBe(5); // alice and nobody again; bob still cached
  });

  it("does not store a load that started before an invalidation", async () => {
    const rows: Record<string, Row> = { alice: { tenantId: "t1", value: "old" } };
    const { cache, gate, release } = cacheOf(rows);
    gate();
    const inFlight = cache.get("alice");
    cache.forget("t1");
    rows.alice = { tenantId: "t1", value: "new" };
    const after = cache.get("alice"); // must not join the stale load
    release();
    await tick();
    release();
    expect((await inFlight)?.value).toBe("old");
    expect((await after)?.value).toBe("new");
    expect((await cache.get("alice"))?.value).toBe("new");
  });

  it("caches no failure, expires entries after maxAgeMs and clear() drops everything", async () => {
    let now = 0;
    const { cache } = cacheOf({ alice: { tenantId: "t1", value: "a" } }, { maxAgeMs: 1000, now: () => now });
    await expect(cache.get("boom")).rejects.toThrow("database down");
    await expect(cache.get("boom")).rejects.toThrow("database down");
    await cache.get("alice");
    now = 999;
    await cache.get("alice");
    expect(cache.loads).toBe(3);
    now = 1000;
    await cache.get("alice");
    cache.clear();
    await cache.get("alice");
    expect(cache.loads).toBe(5);
  });

  it("evicts the oldest entries beyond maxEntries, so unknown keys cannot grow it", async () => {
    const { cache } = cacheOf({}, { maxEntries: 3 });
    for (const key of ["1", "2", "3", "4", "5"]) await cache.get(key);
    expect(cache.size).toBe(3);
    await cache.get("5");
    await cache.get("1");
    expect(cache.loads).toBe(6);
  });
});
