import { describe, expect, it } from "vitest";
import { retryAfterSec, slidingCount } from "./sliding-window";

const rule = { limit: 5, windowSec: 60 };

describe("sliding-window estimate", () => {
  it("weights the previous window by the part of it still inside the sliding window", () => {
    expect(slidingCount(10, 2, 0)).toBe(12);
    expect(slidingCount(10, 2, 0.5)).toBe(7);
    expect(slidingCount(10, 2, 1)).toBe(2);
  });

  it("waits for the next window when the current one alone is over", () => {
    // 6 hits 10 s into a window: 50 s left, then 6 * (1 - f) <= 4 needs f >= 1/3 (20 s).
    expect(retryAfterSec(rule, 0, 6, 10 / 60)).toBe(70);
  });

  it("waits only until the previous window has faded enough", () => {
    // 10 earlier, 2 now, halfway: 10 * (1 - f) + 2 <= 4 needs f >= 0.8, i.e. 18 s from now.
    expect(retryAfterSec(rule, 10, 2, 0.5)).toBe(18);
  });

  it("never says 0 seconds", () => {
    expect(retryAfterSec(rule, 10, 0, 0.6)).toBeGreaterThanOrEqual(1);
  });
});
