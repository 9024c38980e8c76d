import { describe, expect, it } from "vitest";
import type { ReportRow } from "@/server/modules/reports/schema";
import { ariaSort, DEFAULT_SORT, nextSort, sortRows } from "./report-sort";

const row = (label: string, over: Partial<ReportRow> = {}): ReportRow => ({
  extensionId: label,
  label,
  callsIn: 0,
  callsOut: 0,
  missed: 0,
  answered: 0,
  answeredRate: null,
  talkSec: 0,
  avgTalkSec: null,
  avgRingSec: null,
  cost: null,
  ...over,
});

const labels = (rows: ReportRow[]) => rows.map((r) => r.label);

describe("sortRows", () => {
  const rows = [row("210 Zoe", { callsIn: 5, answeredRate: 0.5, cost: "10.50" }), row("201 Alice", { callsIn: 9, answeredRate: null, cost: "2.25" }), row("30 Bob", { callsIn: 5, answeredRate: 1, cost: null })];

  it("orders names naturally (30 before 201)", () => {
    expect(labels(sortRows(rows, DEFAULT_SORT))).toEqual(["30 Bob", "201 Alice", "210 Zoe"]);
    expect(labels(sortRows(rows, { column: "label", direction: "desc" }))).toEqual(["210 Zoe", "201 Alice", "30 Bob"]);
  });

  it("orders figures, ties by name", () => {
    expect(labels(sortRows(rows, { column: "callsIn", direction: "desc" }))).toEqual(["201 Alice", "30 Bob", "210 Zoe"]);
    expect(labels(sortRows(rows, { column: "callsIn", direction: "asc" }))).toEqual(["30 Bob", "210 Zoe", "201 Alice"]);
  });

  it("compares costs as numbers, not strings", () => {
    expect(labels(sortRows(rows, { column: "cost", direction: "desc" }))).toEqual(["210 Zoe", "201 Alice", "30 Bob"]);
  });

  it("keeps rows without a figure last in both directions", () => {
    expect(labels(sortRows(rows, { column: "answeredRate", direction: "asc" })).at(-1)).toBe("201 Alice");
    expect(labels(sortRows(rows, { column: "answeredRate", direction: "desc" })).at(-1)).toBe("201 Alice");
    expect(labels(sortRows(rows, { column: "cost", direction: "asc" })).at(-1)).toBe("30 Bob");
  });

  it("does not reorder its input", () => {
    sortRows(rows, { column: "callsIn", direction: "desc" });
    expect(labels(rows)).toEqual(["210 Zoe", "201 Alice", "30 Bob"]);
  });
});

describe("nextSort and ariaSort", () => {
  it("flips the current column and starts figures largest first", () => {
    expect(nextSort(DEFAULT_SORT, "label")).toEqual({ column: "label", direction: "desc" });
    expect(nextSort(DEFAULT_SORT, "missed")).toEqual({ column: "missed", direction: "desc" });
    expect(nextSort({ column: "missed", direction: "desc" }, "missed")).toEqual({ column: "missed", direction: "asc" });
  });

  it("marks only the sorted column", () => {
    expect(ariaSort(DEFAULT_SORT, "label")).toBe("ascending");
    expect(ariaSort({ column: "cost", direction: "desc" }, "cost")).toBe("descending");
    expect(ariaSort(DEFAULT_SORT, "cost")).toBe("none");
  });
});
