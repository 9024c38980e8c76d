import { describe, expect, it } from "vitest";
import { foldReport, type RollupSum } from "./domain";

const sum = (s: Partial<RollupSum> & Pick<RollupSum, "extensionId" | "direction">): RollupSum => ({ calls: 0, answered: 0, missed: 0, talkSec: 0, ringSec: 0, cost: "0", ...s });
const alice = { id: "a", number: "201", displayName: "Alice Archer" };
const bob = { id: "b", number: "1000", displayName: "Bob Baker" };
const carol = { id: "c", number: "202", displayName: "Carol Cole" };

const sums: RollupSum[] = [
  sum({ extensionId: "a", direction: "INBOUND", calls: 4, answered: 3, missed: 1, talkSec: 300, ringSec: 30, cost: "0" }),
  sum({ extensionId: "a", direction: "OUTBOUND", calls: 2, answered: 1, missed: 1, talkSec: 60, ringSec: 6, cost: "0.12345" }),
  sum({ extensionId: "a", direction: "INTERNAL", calls: 1, answered: 0, missed: 1 }),
  sum({ extensionId: "b", direction: "INBOUND", calls: 2, answered: 2, talkSec: 40, ringSec: 4 }),
  sum({ extensionId: "gone", direction: "OUTBOUND", calls: 1, answered: 1, talkSec: 10, ringSec: 1, cost: "1" }),
  sum({ extensionId: "", direction: "INBOUND", calls: 3, missed: 3 }),
];

describe("foldReport", () => {
  const company = foldReport(sums, { extensions: [bob, alice, carol], includeOthers: true, showsCosts: true });

  it("orders extensions by number, then deleted ones, then company numbers", () => {
    expect(company.rows.map((r) => [r.extensionId, r.label])).toEqual([
      ["a", "201 Alice Archer"], ["c", "202 Carol Cole"], ["b", "1000 Bob Baker"], ["gone", "Deleted extension"], [null, "Company numbers"],
    ]);
  });

  it("counts in, out (outbound + internal), missed (not outbound), rates and averages", () => {
    expect(company.rows[0]).toEqual({
      extensionId: "a", label: "201 Alice Archer", callsIn: 4, callsOut: 3, missed: 2, answered: 4, answeredRate: 0.5714,
      talkSec: 360, avgTalkSec: 90, avgRingSec: 9, cost: "0.12345",
    });
    // An idle extension still has its line, with nothing to average.
    expect(company.rows[1]).toMatchObject({ callsIn: 0, callsOut: 0, answeredRate: null, avgTalkSec: null, avgRingSec: null, cost: "0" });
  });

  it("totals the whole company and averages over the lines with an extension", () => {
    expect(company.total).toEqual({
      extensionId: null, label: "Total", callsIn: 9, callsOut: 4, missed: 5, answered: 7, answeredRate: 0.5385,
      talkSec: 410, avgTalkSec: 59, avgRingSec: 6, cost: "1.12345",
    });
    // Four people (Alice, Carol, Bob, the deleted one): 4+0+2+0 in, 3+0+0+1 out.
    expect(company.averagePerExtension).toMatchObject({ callsIn: 1.5, callsOut: 1, missed: 0.5, answered: 1.75, talkSec: 102.5, cost: "0.28086" });
  });

  it("shows only the given extensions without the whole-company lines, and hides costs", () => {
    const own = foldReport(sums, { extensions: [alice], includeOthers: false, showsCosts: false });
    expect(own.rows.map((r) => r.extensionId)).toEqual(["a"]);
    expect(own.total).toMatchObject({ callsIn: 4, callsOut: 3, cost: null });
    expect(own.averagePerExtension.cost).toBeNull();
  });

  it("is all zeros for nobody", () => {
    const none = foldReport(sums, { extensions: [], includeOthers: false, showsCosts: true });
    expect(none.rows).toEqual([]);
    expect(none.total).toMatchObject({ callsIn: 0, answeredRate: null, cost: "0" });
    expect(none.averagePerExtension).toMatchObject({ callsIn: 0, answeredRate: null });
  });
});
