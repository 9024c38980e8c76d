import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReportRow, ReportTable } from "@/server/modules/reports/schema";
import { ReportTableView } from "./report-table";

const row = (label: string, over: Partial<ReportRow> = {}): ReportRow => ({
  extensionId: label,
  label,
  callsIn: 4,
  callsOut: 2,
  missed: 1,
  answered: 5,
  answeredRate: 5 / 6,
  talkSec: 330,
  avgTalkSec: 66,
  avgRingSec: 5,
  cost: "0.15",
  ...over,
});

const report = (showsCosts: boolean): ReportTable => {
  const rows = [row("201 Alice", { cost: showsCosts ? "0.15" : null })];
  return { from: "2027-01-01", to: "2027-01-01", timeZone: "Europe/London", currency: "GBP", showsCosts, rows, total: rows[0]!, averagePerExtension: rows[0]! };
};

describe("ReportTableView", () => {
  it("has a sort button in every header, the name column sorted A→Z to start", () => {
    const html = renderToStaticMarkup(<ReportTableView report={report(true)} />);
    expect(html.match(/<th [^>]*aria-sort="/g)).toHaveLength(9);
    expect(html.match(/<button type="button"/g)).toHaveLength(9);
    expect(html).toMatch(/aria-sort="ascending"[^>]*>\s*<button[^>]*>Extension/);
    expect(html).toContain("£0.15");
    expect(html).toContain("83%");
    expect(html).toContain("5:30");
  });

  it("leaves the cost column out when the viewer may not see costs", () => {
    const html = renderToStaticMarkup(<ReportTableView report={report(false)} />);
    expect(html.match(/<th [^>]*aria-sort="/g)).toHaveLength(8);
    expect(html).not.toContain("Cost");
    expect(html).not.toContain("£");
  });
});
