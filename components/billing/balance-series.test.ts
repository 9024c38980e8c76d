import { describe, expect, it } from "vitest";
import { chartGeometry, minorToAmount, runningBalance } from "./balance-series";

const at = (iso: string) => new Date(iso);

describe("runningBalance", () => {
  it("walks back from today's balance through the entries, oldest first", () => {
    const entries = [
      { amount: "-9.98", currency: "GBP", createdAt: at("2026-11-03T10:00:00Z") },
      { amount: "50", currency: "GBP", createdAt: at("2026-11-01T10:00:00Z") },
    ];
    const points = runningBalance(entries, "40.02", "GBP");
    expect(points.map((p) => minorToAmount(p.minor))).toEqual(["0.00000", "50.00000", "40.02000"]);
    expect(points[0]?.at).toBeNull();
  });

  it("ignores entries in other currencies", () => {
    const points = runningBalance([{ amount: "5", currency: "EUR", createdAt: at("2026-11-01T00:00:00Z") }], "12.5", "GBP");
    expect(points.map((p) => minorToAmount(p.minor))).toEqual(["12.50000"]);
  });
});

describe("chartGeometry", () => {
  const now = at("2026-11-11T00:00:00Z");
  const points = [
    { at: null, minor: 0 },
    { at: at("2026-11-01T00:00:00Z"), minor: 100 },
    { at: at("2026-11-06T00:00:00Z"), minor: 50 },
  ];

  it("steps along the dates from the first entry to now, with zero at the bottom when nothing went below", () => {
    const g = chartGeometry(points, now, 300, 80);
    // 0 at y=76, 100 at y=4; 1 Nov at x=0, 6 Nov halfway, 11 Nov (now) at the end.
    expect(g.line).toBe("M0.0,76.0 H0.0 V4.0 H150.0 V40.0 H300.0");
    expect(g.area).toBe(`${g.line} V76.0 H0.0 Z`);
    expect(g.zeroY).toBeNull();
    expect(g.yTicks).toEqual([{ value: 100, position: 4 }, { value: 0, position: 76 }]);
    expect(g.xTicks.map((t) => [t.value.toISOString().slice(0, 10), t.position])).toEqual([["2026-11-01", 0], ["2026-11-06", 150], ["2026-11-11", 300]]);
  });

  it("marks zero when the balance went below it", () => {
    const crossing = chartGeometry([{ at: null, minor: 50 }, { at: at("2026-11-01T00:00:00Z"), minor: -50 }, { at: at("2026-11-02T00:00:00Z"), minor: 10 }], now, 300, 80);
    expect(crossing.zeroY).toBeCloseTo(40);
    expect(crossing.yTicks.map((t) => t.value)).toEqual([50, 0, -50]);
  });
});
