import { describe, expect, it } from "vitest";
import { countsOfRequests, planCounterBatch, type CounterHit } from "./counter-batch";

const at = (ms: number) => new Date(ms);
const hit = (counter: string, startMs = 60_000): CounterHit => ({ counter, start: at(startMs), previousStart: at(startMs - 60_000) });

describe("rate-limit hits of many requests in one statement", () => {
  it("makes one row per counter and window, sorted, with the number of hits it gets", () => {
    const batch = planCounterBatch([[hit("key:b"), hit("dest:1")], [hit("key:b"), hit("dest:2")], [hit("key:b", 120_000)]]);
    expect(batch.rows.map((r) => [r.counter, r.start.getTime(), r.increment])).toEqual([
      ["dest:1", 60_000, 1],
      ["dest:2", 60_000, 1],
      ["key:b", 120_000, 1],
      ["key:b", 60_000, 2],
    ]);
  });

  it("tells each request the count it would have seen alone, in the order the requests came", () => {
    const requests = [[hit("key"), hit("dest:1")], [hit("key")], [hit("key"), hit("dest:1")]];
    const batch = planCounterBatch(requests);
    // Before the batch: key had 7 hits (10 after 3 more), dest:1 had 0 (2 after); previous windows 4 and 1.
    const totals = batch.rows.map((r) => (r.counter === "key" ? { current: 10, previous: 4 } : { current: 2, previous: 1 }));
    expect(countsOfRequests(batch, totals)).toEqual([
      [{ current: 8, previous: 4 }, { current: 1, previous: 1 }],
      [{ current: 9, previous: 4 }],
      [{ current: 10, previous: 4 }, { current: 2, previous: 1 }],
    ]);
  });

  it("fails when the statement did not return a row it counted", () => {
    const batch = planCounterBatch([[hit("a"), hit("b")]]);
    expect(() => countsOfRequests(batch, [{ current: 1, previous: 0 }])).toThrow(/row 1 was not returned/);
  });
});
