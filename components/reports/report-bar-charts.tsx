"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { ChartDataTable, ChartFigure } from "@/components/charts/chart-figure";
import { ChartPatterns, Swatch } from "@/components/charts/chart-patterns";
import { fillFor, OUTCOME_STYLES, type SeriesStyle } from "@/components/charts/palette";
import { useFormat } from "@/components/format/format-provider";
import { describeCallBars, describeTalkBars, type AccountBar } from "./chart-model";
import { spokenSeconds } from "./report-format";

/** Calls that were neither answered nor missed (outgoing calls nobody picked up, busy, failed). */
const OTHER_STYLE: SeriesStyle = { color: "#999999", pattern: "dots" };
const TALK_STYLE: SeriesStyle = { color: "#009E73", pattern: "solid" };

type Tone = "page" | "wallboard";

const ROW_PX = { page: 34, wallboard: 44 } as const;
const barHeight = (count: number, tone: Tone, max?: number) => Math.min(max ?? Infinity, Math.max(140, count * ROW_PX[tone] + 48));

function axisColours(tone: Tone) {
  return tone === "wallboard" ? { tick: "#f3f4f6", grid: "#374151", size: 17 } : { tick: "#374151", grid: "#e5e7eb", size: 12 };
}

/** Answered, missed and other calls per extension, stacked, one horizontal bar each. */
export function CallsPerExtensionChart({ bars, tone = "page", maxHeight }: { bars: readonly AccountBar[]; tone?: Tone; maxHeight?: number }) {
  const format = useFormat();
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const axis = axisColours(tone);
  const series = [
    { key: "answered", label: "Answered", style: OUTCOME_STYLES.answered },
    { key: "missed", label: "Missed", style: OUTCOME_STYLES.missed },
    { key: "other", label: "Other", style: OTHER_STYLE },
  ] as const;
  const n = (v: number) => format.number(v);
  const table = (
    <ChartDataTable caption="Calls per extension" columns={["Extension", "Answered", "Missed", "Other", "All calls"]} rows={bars.map((b) => [b.label, n(b.answered), n(b.missed), n(b.other), n(b.calls)] as const)} />
  );
  return (
    <ChartFigure title="Calls per extension" description={describeCallBars(bars, format.locale)} table={table} tone={tone} hasDetails={tone === "page"} testId="report-calls-bars">
      <Legend items={series} idPrefix={idPrefix} tone={tone} />
      <div style={{ height: barHeight(bars.length, tone, maxHeight) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars.map((b) => ({ ...b }))} layout="vertical" margin={{ left: 8, right: 32, top: 4, bottom: 4 }} accessibilityLayer={false} role="presentation">
            <ChartPatterns styles={series.map((s) => s.style)} idPrefix={idPrefix} />
            <CartesianGrid horizontal={false} stroke={axis.grid} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: axis.tick, fontSize: axis.size }} stroke={axis.grid} />
            {/* Each name carries its total ("201 Alice · 6"): readable without the scale, and shown
                for an all-zero stack too, where a label on a bar would have nothing to sit on. */}
            <YAxis type="category" dataKey="label" width={tone === "wallboard" ? 240 : 170} interval={0} tick={{ fill: axis.tick, fontSize: axis.size }} stroke={axis.grid} tickFormatter={(label: string, index: number) => `${label} · ${n(bars[index]?.calls ?? 0)}`} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="calls" fill={fillFor(s.style, idPrefix)} stroke="#111827" strokeWidth={0.5} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}

/** Talk time per extension in minutes. */
export function TalkTimeChart({ bars, tone = "page", maxHeight }: { bars: readonly AccountBar[]; tone?: Tone; maxHeight?: number }) {
  const format = useFormat();
  const axis = axisColours(tone);
  const table = <ChartDataTable caption="Talk time per extension" columns={["Extension", "Talk time"]} rows={bars.map((b) => [b.label, spokenSeconds(Math.round(b.talkMin * 60))] as const)} />;
  return (
    <ChartFigure title="Talk time per extension (minutes)" description={describeTalkBars(bars, format.locale)} table={table} tone={tone} hasDetails={tone === "page"} testId="report-talk-bars">
      <div style={{ height: barHeight(bars.length, tone, maxHeight) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars.map((b) => ({ ...b }))} layout="vertical" margin={{ left: 8, right: 40, top: 4, bottom: 4 }} accessibilityLayer={false} role="presentation">
            <CartesianGrid horizontal={false} stroke={axis.grid} />
            <XAxis type="number" tick={{ fill: axis.tick, fontSize: axis.size }} stroke={axis.grid} />
            <YAxis type="category" dataKey="label" interval={0} width={tone === "wallboard" ? 220 : 150} tick={{ fill: axis.tick, fontSize: axis.size }} stroke={axis.grid} />
            <Bar dataKey="talkMin" name="Talk time (minutes)" fill={TALK_STYLE.color} isAnimationActive={false}>
              <LabelList dataKey="talkMin" position="right" fill={axis.tick} fontSize={axis.size} formatter={(v: unknown) => new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(Number(v))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}

function Legend({ items, idPrefix, tone }: { items: readonly { key: string; label: string; style: SeriesStyle }[]; idPrefix: string; tone: Tone }) {
  return (
    <ul aria-hidden="true" className={`mb-1 flex flex-wrap gap-4 ${tone === "wallboard" ? "text-lg text-gray-100" : "text-sm text-gray-800"}`}>
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <Swatch style={item.style} idPrefix={idPrefix} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
