"use client";

import { useId } from "react";
import { Cell, Pie, PieChart, ResponsiveContainer, type PieLabelRenderProps } from "recharts";
import { ChartDataTable, ChartFigure } from "@/components/charts/chart-figure";
import { ChartPatterns, Swatch } from "@/components/charts/chart-patterns";
import { fillFor } from "@/components/charts/palette";
import { useFormat } from "@/components/format/format-provider";
import { describePie, PIE_MEASURE_LABELS, percentLabel, valueText, type PieMeasure, type PieSlice } from "./chart-model";

type Props = { slices: readonly PieSlice[]; measure: PieMeasure; tone?: "page" | "wallboard"; height?: number; title?: string };

/**
 * A pie of `slices`, each sector filled with its colour and pattern and labelled with its
 * share beside it, plus a legend that repeats name, value and share in text.
 */
export function ReportPieChart({ slices, measure, tone = "page", height = 300, title }: Props) {
  const format = useFormat();
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const isDark = tone === "wallboard";
  const data = slices.map((s) => ({ ...s })); // recharts annotates its data; keep the model's objects clean
  const label = (props: PieLabelRenderProps) => {
    const { x, y, textAnchor, percent } = props as PieLabelRenderProps & { x: number; y: number; textAnchor: "start" | "end" | "middle" };
    return (
      <text x={x} y={y} textAnchor={textAnchor} dominantBaseline="central" className={isDark ? "fill-white text-xl font-semibold" : "fill-gray-900 text-xs font-medium"}>
        {percentLabel(Number(percent ?? 0), format.locale)}
      </text>
    );
  };
  const table = (
    <ChartDataTable
      caption={title ?? PIE_MEASURE_LABELS[measure]}
      columns={[measure === "outcome" ? "Outcome" : "Extension", measure === "talk" ? "Talk time" : "Calls", "Share"]}
      rows={slices.map((s) => [s.label, valueText(measure, s.value, format.locale), percentLabel(s.share, format.locale)] as const)}
    />
  );
  return (
    <ChartFigure title={title ?? PIE_MEASURE_LABELS[measure]} description={describePie(measure, slices, format.locale)} table={table} tone={tone} hasDetails={!isDark} testId="report-pie">
      {slices.length === 0 ? (
        <p className={`flex items-center justify-center ${isDark ? "text-2xl text-gray-300" : "text-sm text-gray-600"}`} style={{ height }}>
          No calls to compare in this range.
        </p>
      ) : (
        <div className={`flex flex-col items-center gap-4 ${isDark ? "" : "sm:flex-row"}`}>
          <div className={`w-full min-w-0 ${isDark ? "" : "sm:flex-1"}`} style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              <PieChart accessibilityLayer={false} role="presentation">
                <ChartPatterns styles={slices.map((s) => s.style)} idPrefix={idPrefix} />
                <Pie data={data} dataKey="value" nameKey="label" outerRadius={isDark ? "68%" : "75%"} innerRadius={0} label={label} labelLine={!isDark} isAnimationActive={false} stroke={isDark ? "#030712" : "#fff"} strokeWidth={2}>
                  {slices.map((s) => (
                    <Cell key={s.key} fill={fillFor(s.style, idPrefix)} name={s.label} />
                  ))}
                </Pie>
              </PieChart>
            </ResponsiveContainer>
          </div>
          <ul aria-hidden="true" className={`grid shrink-0 gap-1.5 ${isDark ? "text-lg text-gray-100" : "text-sm text-gray-800"}`} data-testid="pie-legend">
            {slices.map((s) => (
              <li key={s.key} className="flex items-center gap-2" data-slice={s.key}>
                <Swatch style={s.style} idPrefix={idPrefix} />
                <span className="font-medium">{s.label}</span>
                <span className={`tabular-nums ${isDark ? "text-gray-300" : "text-gray-600"}`}>
                  {measure === "talk" ? valueText(measure, s.value, format.locale) : format.number(s.value)} · {percentLabel(s.share, format.locale)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartFigure>
  );
}
