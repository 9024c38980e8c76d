import { describe, expect, it } from "vitest";
import { OUTCOME_STYLES, seriesStyle } from "@/components/charts/palette";
import { accountBars, describePie, MAX_PIE_SLICES, pieSlices, type ChartAccount } from "./chart-model";

const account = (n: number, over: Partial<ChartAccount> = {}): ChartAccount => ({ extensionId: `e${n}`, label: `${200 + n} Person ${n}`, calls: 0, answered: 0, missed: 0, talkSec: 0, ...over });

describe("pieSlices", () => {
  const accounts = [account(1, { calls: 6, answered: 4, missed: 1, talkSec: 600 }), account(2, { calls: 2, answered: 1, missed: 1, talkSec: 0 }), account(3, { calls: 0 })];

  it("shares calls by extension, leaving out empty ones, largest first", () => {
    const slices = pieSlices(accounts, "calls");
    expect(slices.map((s) => [s.label, s.value, s.share])).toEqual([
      ["201 Person 1", 6, 0.75],
      ["202 Person 2", 2, 0.25],
    ]);
  });

  it("keeps an extension's style whatever the measure", () => {
    expect(pieSlices(accounts, "calls")[1]!.style).toEqual(seriesStyle(1));
    expect(pieSlices([accounts[1]!, accounts[0]!], "calls")[0]!.style).toEqual(seriesStyle(1));
  });

  it("sums answered and missed over the chosen extensions", () => {
    const slices = pieSlices(accounts, "outcome");
    expect(slices.map((s) => [s.label, s.value])).toEqual([
      ["Answered", 5],
      ["Missed", 2],
    ]);
    expect(slices[1]!.style).toEqual(OUTCOME_STYLES.missed);
  });

  it("shares talk time, where an extension with calls but no talk has no slice", () => {
    expect(pieSlices(accounts, "talk").map((s) => s.label)).toEqual(["201 Person 1"]);
  });

  it("folds the smallest shares into Others beyond the limit", () => {
    const many = Array.from({ length: 12 }, (_, i) => account(i, { calls: i + 1 }));
    const slices = pieSlices(many, "calls");
    expect(slices).toHaveLength(MAX_PIE_SLICES);
    expect(slices.at(-1)).toMatchObject({ label: "Others (5)", value: 1 + 2 + 3 + 4 + 5 });
    expect(slices.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1);
  });

  it("names the pie by its largest slices", () => {
    expect(describePie("calls", pieSlices(accounts, "calls"), "en-GB")).toBe("Share of calls, pie chart of 2 segments: 201 Person 1 75%, 202 Person 2 25%.");
    expect(describePie("talk", [], "en-GB")).toBe("Talk time: nothing to show in this range.");
  });
});

describe("accountBars", () => {
  it("stacks to all calls, the rest neither answered nor missed", () => {
    expect(accountBars([account(1, { calls: 10, answered: 6, missed: 3, talkSec: 125 })])[0]).toMatchObject({ answered: 6, missed: 3, other: 1, talkMin: 2.1 });
  });
});

describe("seriesStyle", () => {
  it("gives the first 28 series distinct looks", () => {
    const looks = new Set(Array.from({ length: 28 }, (_, i) => JSON.stringify(seriesStyle(i))));
    expect(looks.size).toBe(28);
  });
});
