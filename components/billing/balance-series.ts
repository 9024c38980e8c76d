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

export type ChartGeometry = { line: string; area: string; zeroY: number | null; min: number; max: number };

/** SVG path data for `points` in a width × height box, with a little headroom. */
export function chartGeometry(points: readonly BalancePoint[], width: number, height: number, pad = 4): ChartGeometry {
  const values = points.map((p) => p.minor);
  const min = Math.min(...values, 0);
  const max = Math.max(...values);
  const span = max - min || 1;
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - min) / span);
  const step = points.length > 1 ? width / (points.length - 1) : width;
  const coords = points.map((p, i) => `${(i * step).toFixed(1)},${y(p.minor).toFixed(1)}`);
  const line = `M${coords.join(" L")}`;
  const base = y(Math.max(min, 0)).toFixed(1);
  const area = `${line} L${((points.length - 1) * step).toFixed(1)},${base} L0,${base} Z`;
  return { line, area, zeroY: min < 0 && max > 0 ? y(0) : null, min, max };
}
