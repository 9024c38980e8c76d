import { chartGeometry, minorToAmount, runningBalance, type BalanceEntry } from "./balance-series";
import { formatAmount } from "./format";

const WIDTH = 300;
const HEIGHT = 72;

type BalanceChartProps = { entries: readonly BalanceEntry[]; balance: string; currency: string };

/**
 * A sparkline of the running balance over the loaded transactions. Inline SVG: a chart library
 * would outweigh the page. The figure has a text summary, so it carries no information that
 * only sighted users get.
 */
export function BalanceChart({ entries, balance, currency }: BalanceChartProps) {
  const points = runningBalance(entries, balance, currency);
  if (points.length < 3) return null; // one transaction is a step, not a trend
  const geometry = chartGeometry(points, WIDTH, HEIGHT);
  const money = (minor: number) => formatAmount(minorToAmount(minor), currency);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary = `Balance over the last ${points.length - 1} transactions: from ${money(first.minor)} to ${money(last.minor)}; lowest ${money(geometry.min)}, highest ${money(geometry.max)}.`;
  const isFalling = last.minor < first.minor;
  return (
    <figure className="mt-4">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary} className="h-20 w-full overflow-visible">
        <path d={geometry.area} className="fill-indigo-100" />
        {geometry.zeroY !== null && <line x1={0} x2={WIDTH} y1={geometry.zeroY} y2={geometry.zeroY} className="stroke-gray-400" strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />}
        <path d={geometry.line} fill="none" className="stroke-indigo-600" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="mt-1 flex justify-between text-xs text-gray-600">
        <span>{money(first.minor)}</span>
        <span>
          Last {points.length - 1} transactions · {isFalling ? "down" : "up"} to {money(last.minor)}
        </span>
      </figcaption>
    </figure>
  );
}
