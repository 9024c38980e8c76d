import { describe, expect, it } from "vitest";
import { reportExportUrl, reportInputFromSearch, ZReportInput, type TReportInput } from "./schema";

const roundTrip = (input: TReportInput, kind?: "table" | "calls") => {
  const url = new URL(reportExportUrl(input, kind), "http://portal.test");
  return { path: url.pathname, kind: url.searchParams.get("kind"), input: ZReportInput.parse(reportInputFromSearch(url.searchParams)) };
};

describe("the export address", () => {
  it("carries every input the procedures take, and reads back the same", () => {
    const custom: TReportInput = { range: { preset: "custom", from: "2027-01-01", to: "2027-01-31" }, extensionIds: ["cku1", "cku2"] };
    expect(roundTrip(custom, "calls")).toEqual({ path: "/api/reports/export.csv", kind: "calls", input: custom });
    expect(roundTrip({ range: { preset: "week" } })).toEqual({ path: "/api/reports/export.csv", kind: null, input: { range: { preset: "week" } } });
  });

  it("leaves validation to ZReportInput", () => {
    const valid = (qs: string) => ZReportInput.safeParse(reportInputFromSearch(new URLSearchParams(qs))).success;
    expect(valid("range=custom&from=2027-02-30&to=2027-03-01")).toBe(false);
    expect(valid("range=yesterday")).toBe(false);
    expect(valid("")).toBe(false);
    expect(valid(`range=today&extensionIds=${"x".repeat(41)}`)).toBe(false);
  });
});
