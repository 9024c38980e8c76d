import { describe, expect, it } from "vitest";
import { barsFor, callCount, describeChart, formatDay, formatMinutes, niceMax } from "./usage-model";

describe("[USAGE] chart model", () => {
  it("formats a customer's calendar date the same in every viewer's zone", () => {
    expect(formatDay("2026-03-01")).toBe("1 Mar");
    expect(formatDay("2026-12-31")).toBe("31 Dec");
  });

  it("writes minutes with at most one decimal, and counts calls in words", () => {
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(9)).toBe("0.2 min");
    expect(formatMinutes(750)).toBe("12.5 min");
    expect([callCount(1), callCount(2)]).toEqual(["1 call", "2 calls"]);
  });

  it("rounds the axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 2, 3, 7, 10, 11, 40, 51, 1200].map(niceMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 100, 2000]);
  });

  it("draws bars from the baseline up, in proportion to the axis", () => {
    const bars = barsFor([{ date: "2026-03-01", calls: 0 }, { date: "2026-03-02", calls: 5 }, { date: "2026-03-03", calls: 10 }], 300, 100);
    expect(bars.map((b) => [b.height, b.y])).toEqual([[0, 100], [50, 50], [100, 0]]);
    expect(bars[1]!.x).toBeGreaterThan(bars[0]!.x + bars[0]!.width); // a gap between bars
    expect(bars[2]!.x + bars[2]!.width).toBeLessThanOrEqual(300);
  });

  it("sums the chart up in one sentence", () => {
    expect(describeChart([{ date: "2026-03-01", calls: 0 }, { date: "2026-03-02", calls: 0 }])).toBe("Calls per day, 1 Mar to 2 Mar: no calls.");
    expect(describeChart([{ date: "2026-03-01", calls: 1 }, { date: "2026-03-02", calls: 4 }])).toBe(
      "Calls per day, 1 Mar to 2 Mar: 5 calls in all; busiest day 2 Mar with 4 calls.",
    );
  });
});
