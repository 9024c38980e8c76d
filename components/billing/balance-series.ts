/**
 * The running balance behind the balance chart, rebuilt backwards from today's balance and the
 * loaded ledger entries (the ledger has no stored running total: balances are sums).
 * Amounts become integers of 1/100000 (the ledger's precision), so the walk adds no float
 * error; the chart alone turns them into numbers, and only for drawing.
 */
const SCALE = 100_000;

export type BalanceEntry = { amount: string; currency: string; createdAt: Date };
export type BalancePoint = { at: Date | null; minor: number };

const toMinor = (amount: string) => Math.round(Number(amount) * SCALE);
export const minorToAmount = (minor: number) => (minor / SCALE).toFixed(5);

/**
 * Oldest first: the balance before the oldest loaded entry (at: null), then the balance after
 * each entry in `currency`. `entriesNewestFirst` is the ledger as the API pages it.
 */
export function runningBalance(entriesNewestFirst: readonly BalanceEntry[], currentBalance: string, currency: string): BalancePoint[] {
  const entries = entriesNewestFirst.filter((e) => e.currency === currency);
  let balance = toMinor(currentBalance);
  const points: BalancePoint[] = [];
  for (const entry of entries) {
    points.push({ at: entry.createdAt, minor: balance });
    balance -= toMinor(entry.amount);
  }
  points.push({ at: null, minor: balance });
  return points.reverse();
}

export type AxisTick<T> = { value: T; position: number };

export type ChartGeometry = {
  line: string;
  area: string;
  zeroY: number | null;
  min: number;
  max: number;
  /** Balance ticks (minor units), `position` a y in the box: the highest, zero, the lowest. */
  yTicks: AxisTick<number>[];
  /** Date ticks, `position` an x in the box: the first entry, the middle, and `now`. */
  xTicks: AxisTick<Date>[];
};

/**
 * SVG path data for the balance as it was over time, in a width × height box: a step line (a
 * balance holds until the next entry changes it) from the first loaded entry to `now`. Zero
 * is always inside the scale, so the area reads as money held, and a dashed line marks it when
 * the balance went below.
 */
export function chartGeometry(points: readonly BalancePoint[], now: Date, width: number, height: number, pad = 4): ChartGeometry {
  const dated = points.filter((p): p is BalancePoint & { at: Date } => p.at !== null);
  const start = (dated[0]?.at ?? now).getTime();
  const end = Math.max(now.getTime(), dated.at(-1)?.at.getTime() ?? start);
  const values = points.map((p) => p.minor);
  const min = Math.min(...values, 0);
  const max = Math.max(...values, 0);
  const span = max - min || 1;
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - min) / span);
  const x = (t: number) => (end === start ? width : (width * (t - start)) / (end - start));
  const f = (n: number) => n.toFixed(1);
  let line = `M0.0,${f(y(points[0]?.minor ?? 0))}`;
  for (const point of dated) line += ` H${f(x(point.at.getTime()))} V${f(y(point.minor))}`;
  line += ` H${f(width)}`;
  const base = f(y(0));
  const area = `${line} V${base} H0.0 Z`;
  const yValues = [...new Set([max, 0, min])];
  return {
    line,
    area,
    zeroY: min < 0 ? y(0) : null,
    min,
    max,
    yTicks: yValues.map((value) => ({ value, position: y(value) })),
    xTicks: [start, (start + end) / 2, end].map((t) => ({ value: new Date(t), position: x(t) })),
  };
}
