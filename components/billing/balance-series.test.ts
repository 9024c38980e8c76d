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
  it("spans the box and marks zero only when the balance crosses it", () => {
    const up = chartGeometry([{ at: null, minor: 0 }, { at: null, minor: 100 }], 300, 80);
    expect(up.line).toBe("M0.0,76.0 L300.0,4.0");
    expect(up.zeroY).toBeNull();
    const crossing = chartGeometry([{ at: null, minor: -50 }, { at: null, minor: 50 }], 300, 80);
    expect(crossing.zeroY).toBeCloseTo(40);
  });
});
