"use client";

import { useFormat } from "@/components/format/format-provider";
import type { ReportRow, ReportTable } from "@/server/modules/reports/schema";
import { formatAverage, formatRate, formatSeconds, NO_FIGURE } from "./report-format";

type Figures = Omit<ReportRow, "extensionId" | "label">;
type Figure = { key: string; label: string; value: string };

function figuresOf(f: Figures, report: ReportTable, locale: string, count: (n: number) => string, money: (amount: string) => string): Figure[] {
  return [
    { key: "calls", label: "Calls", value: count(f.callsIn + f.callsOut) },
    { key: "callsIn", label: "In", value: count(f.callsIn) },
    { key: "callsOut", label: "Out", value: count(f.callsOut) },
    { key: "missed", label: "Missed", value: count(f.missed) },
    { key: "answeredRate", label: "Answered", value: formatRate(f.answeredRate, locale) },
    { key: "talkSec", label: "Talk time", value: formatSeconds(f.talkSec) },
    { key: "avgTalkSec", label: "Avg talk", value: formatSeconds(f.avgTalkSec) },
    { key: "avgRingSec", label: "Avg ring", value: formatSeconds(f.avgRingSec) },
    ...(report.showsCosts ? [{ key: "cost", label: "Cost", value: f.cost === null ? NO_FIGURE : money(f.cost) }] : []),
  ];
}

/**
 * The company's total and the average per person, as two cards above the table. `tone`
 * "wallboard" is the large, light-on-dark variant read from across a room.
 */
export function ReportSummary({ report, isOwnLine = false, tone = "page" }: { report: ReportTable; isOwnLine?: boolean; tone?: "page" | "wallboard" }) {
  const format = useFormat();
  const money = (amount: string) => format.money(amount, report.currency);
  // Totals are whole calls; averages per person may be fractions of one.
  const total = figuresOf(report.total, report, format.locale, (n) => format.number(n), money);
  const average = figuresOf(report.averagePerExtension, report, format.locale, (n) => formatAverage(n, format.locale), money);
  return (
    <div className={`grid gap-4 ${isOwnLine ? "" : "lg:grid-cols-2"}`}>
      <SummaryCard title={isOwnLine ? "Your calls" : "Company total"} figures={total} testId="report-total" tone={tone} />
      {!isOwnLine && <SummaryCard title="Average per person" figures={average} testId="report-average" tone={tone} />}
    </div>
  );
}

const TONES = {
  page: { card: "rounded-lg border border-gray-200 bg-white p-4 shadow-sm", title: "text-sm font-semibold text-gray-900", label: "text-xs font-medium text-gray-600", value: "text-xl font-semibold text-gray-900", grid: "grid-cols-3 sm:grid-cols-5" },
  wallboard: { card: "rounded-lg border border-gray-700 bg-gray-900 p-3", title: "text-lg font-semibold text-white", label: "text-base text-gray-300", value: "text-4xl font-bold text-white", grid: "grid-cols-5" },
} as const;

function SummaryCard({ title, figures, testId, tone }: { title: string; figures: readonly Figure[]; testId: string; tone: keyof typeof TONES }) {
  const t = TONES[tone];
  // The wallboard has room for the headline figures only.
  const shown = tone === "wallboard" ? figures.filter((f) => ["calls", "missed", "answeredRate", "talkSec", "avgRingSec"].includes(f.key)) : figures;
  return (
    <section aria-label={title} className={t.card} data-testid={testId}>
      <h2 className={t.title}>{title}</h2>
      <dl className={`mt-2 grid gap-x-4 gap-y-2 ${t.grid}`}>
        {shown.map((f) => (
          <div key={f.key} data-figure={f.key}>
            <dt className={t.label}>{f.label}</dt>
            <dd className={`${t.value} tabular-nums`}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
