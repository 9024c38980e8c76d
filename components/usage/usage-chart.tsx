import { useId } from "react";
import { barsFor, callCount, describeChart, formatDay, niceMax, type DayCalls } from "./usage-model";

const WIDTH = 600;
const HEIGHT = 160;
/** Room for the y-axis numbers on the left and the dates below. */
const PLOT = { left: 32, top: 8, right: 4, bottom: 24 };
const PLOT_WIDTH = WIDTH - PLOT.left - PLOT.right;
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
/** Dates under the first bar, every seventh and the last: a week's rhythm, never crowded. */
const isLabelled = (i: number, count: number) => i === count - 1 || (i % 7 === 0 && count - 1 - i >= 4);

const dateLabelPosition = (bar: { x: number; width: number }, isLast: boolean) =>
  isLast ? { x: bar.x + bar.width, textAnchor: "end" as const } : { x: bar.x + bar.width / 2, textAnchor: "middle" as const };

/**
 * Calls per day as bars, in inline SVG (a chart library would outweigh the page). The SVG is
 * one image named by a sentence; the exact figures per day are in a table a click away, so
 * nothing here is for sighted users only.
 */
export function UsageChart({ days }: { days: readonly DayCalls[] }) {
  const titleId = useId();
  const top = niceMax(Math.max(0, ...days.map((d) => d.calls)));
  const bars = barsFor(days, PLOT_WIDTH, PLOT_HEIGHT, top);
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="h-auto w-full max-w-3xl" data-testid="usage-chart">
        <title id={titleId}>{describeChart(days)}</title>
        <g transform={`translate(${PLOT.left} ${PLOT.top})`}>
          {[top, top / 2, 0].map((value) => {
            const y = PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
            return (
              <g key={value}>
                <line x1={0} x2={PLOT_WIDTH} y1={y} y2={y} className={value === 0 ? "stroke-gray-400" : "stroke-gray-200"} />
                <text x={-6} y={y} dy="0.32em" textAnchor="end" className="fill-gray-600 text-[11px]">
                  {Number.isInteger(value) ? value : ""}
                </text>
              </g>
            );
          })}
          {bars.map((bar, i) => (
            <g key={bar.date}>
              {bar.height > 0 && <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={1.5} className="fill-indigo-500" />}
              {isLabelled(i, bars.length) && (
                // The last date ends at its bar's right edge, so it is never cut off by the frame.
                <text {...dateLabelPosition(bar, i === bars.length - 1)} y={PLOT_HEIGHT + 16} className="fill-gray-600 text-[11px]">
                  {formatDay(bar.date)}
                </text>
              )}
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="mt-1 text-xs text-gray-600">Calls per day; dates in the customer&apos;s time zone.</figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer rounded font-medium text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">Show the calls per day as a list</summary>
        <ul className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-gray-800 sm:grid-cols-3">
          {days.map((day) => (
            <li key={day.date} className="flex justify-between gap-2 tabular-nums">
              <span>{formatDay(day.date)}</span>
              <span>{callCount(day.calls)}</span>
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
