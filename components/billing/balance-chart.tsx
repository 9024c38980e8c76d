import { useFormat } from "@/components/format/format-provider";
import { chartGeometry, minorToAmount, runningBalance, type BalanceEntry } from "./balance-series";

const WIDTH = 300;
const HEIGHT = 96;

type BalanceChartProps = { entries: readonly BalanceEntry[]; balance: string; currency: string; now?: Date };

/** The end of the date axis: "now", the same on the server and at hydration but for a few ms an hour. */
const nextWholeHour = () => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);

/**
 * The running balance over the loaded transactions, by date: a step line with a money axis
 * (highest, zero, lowest) and a date axis. Inline SVG: a chart library would outweigh the
 * page. The figure has a text summary, so it carries no information only sighted users get.
 */
export function BalanceChart({ entries, balance, currency, now = nextWholeHour() }: BalanceChartProps) {
  const format = useFormat();
  const points = runningBalance(entries, balance, currency);
  if (points.length < 3) return null; // one transaction is a step, not a trend
  const geometry = chartGeometry(points, now, WIDTH, HEIGHT);
  const money = (minor: number) => format.money(minorToAmount(minor), currency);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const [from, , to] = geometry.xTicks;
  const summary = `Balance from ${format.date(from!.value)} to ${format.date(to!.value)}, over ${points.length - 1} transactions: it went from ${money(first.minor)} to ${money(last.minor)}; lowest ${money(geometry.min)}, highest ${money(geometry.max)}.`;
  const percent = (position: number, of: number) => `${((100 * position) / of).toFixed(2)}%`;
  return (
    <figure className="mt-4">
      <div className="grid grid-cols-[auto_1fr] gap-x-2" role="img" aria-label={summary}>
        {/* Money axis: labels at the heights of their values. */}
        <div className="relative h-24 text-right text-xs text-gray-600 tabular-nums" aria-hidden="true">
          {geometry.yTicks.map((tick) => (
            <span key={tick.value} className="block -translate-y-1/2 whitespace-nowrap" style={{ position: "absolute", right: 0, top: percent(tick.position, HEIGHT) }}>
              {money(tick.value)}
            </span>
          ))}
          {/* The widest label, invisible, gives the column its width. */}
          <span className="invisible block whitespace-nowrap">{[geometry.max, geometry.min].map(money).sort((a, b) => b.length - a.length)[0]}</span>
        </div>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" className="h-24 w-full overflow-visible border-b border-l border-gray-300">
          {geometry.yTicks.map((tick) => (
            <line key={tick.value} x1={0} x2={WIDTH} y1={tick.position} y2={tick.position} className="stroke-gray-200" vectorEffect="non-scaling-stroke" />
          ))}
          <path d={geometry.area} className="fill-indigo-100" />
          {geometry.zeroY !== null && <line x1={0} x2={WIDTH} y1={geometry.zeroY} y2={geometry.zeroY} className="stroke-gray-500" strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />}
          <path d={geometry.line} fill="none" className="stroke-indigo-600" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
        </svg>
        {/* Date axis, under the plot. */}
        <div className="col-start-2 mt-1 flex justify-between text-xs text-gray-600" aria-hidden="true">
          {dateLabels(geometry.xTicks.map((tick) => format.dayMonth(tick.value))).map((label, i) => (
            <span key={i}>{label}</span>
          ))}
        </div>
      </div>
      <figcaption className="mt-2 text-xs text-gray-600">
        Running balance over the last {points.length - 1} transactions, now {money(last.minor)}.
      </figcaption>
    </figure>
  );
}

/** "1 Nov · 16 Nov · Today"; the middle date is left out when it repeats an end (a short span). */
function dateLabels([first, middle, last]: string[]): string[] {
  return [first ?? "", middle === first || middle === last ? "" : (middle ?? ""), "Today"];
}
