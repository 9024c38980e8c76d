/**
 * Calls per day, as pure functions: which calendar days "the last N days" are in the
 * customer's time zone, and how the database's per-day rows become one entry per day (a day
 * without calls is a zero, not a gap, so a chart of them keeps its time axis).
 */
import { Prisma } from "../../generated/prisma/client";

export const USAGE_DAYS = 30;
export const RECENT_CALLS = 20;

/** Sums per local day and currency, as queries.ts returns them (cost null: nothing rated). */
export type DailyUsageRow = { day: string; currency: string | null; calls: number; billableSec: number; cost: string | null };
export type Charge = { currency: string; amount: string };
export type UsageDay = { date: string; calls: number; billableSec: number; charges: Charge[] };

/** "2026-12-02": the calendar date `now` falls on in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The `count` calendar dates ending with `lastDate`, oldest first. */
export function dayRange(lastDate: string, count: number): string[] {
  const last = Date.parse(`${lastDate}T00:00:00Z`);
  if (Number.isNaN(last)) throw new Error(`not a date: ${lastDate}`);
  // Whole calendar days in UTC have no DST jumps, so stepping 24 h never skips or repeats a date.
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

function addCharge(charges: Charge[], currency: string, cost: string) {
  const found = charges.find((c) => c.currency === currency);
  if (found) found.amount = new Prisma.Decimal(found.amount).plus(cost).toString();
  else charges.push({ currency, amount: new Prisma.Decimal(cost).toString() });
}

/**
 * One entry per date of `dates`, rows folded in; a row for a date outside `dates` is ignored.
 * Charges are kept per currency (a tariff change can switch it) and only where a call was
 * rated in one: unrated inbound and internal calls add calls and minutes, no money.
 */
export function foldDays(dates: readonly string[], rows: readonly DailyUsageRow[]): UsageDay[] {
  const days = new Map(dates.map((date) => [date, { date, calls: 0, billableSec: 0, charges: [] as Charge[] }]));
  for (const row of rows) {
    const day = days.get(row.day);
    if (!day) continue;
    day.calls += row.calls;
    day.billableSec += row.billableSec;
    if (row.currency && row.cost !== null) addCharge(day.charges, row.currency, row.cost);
  }
  return [...days.values()];
}

/** The whole window's figures: calls, billable seconds and charges per currency. */
export function totalOf(days: readonly UsageDay[]): Omit<UsageDay, "date"> {
  const total = { calls: 0, billableSec: 0, charges: [] as Charge[] };
  for (const day of days) {
    total.calls += day.calls;
    total.billableSec += day.billableSec;
    for (const charge of day.charges) addCharge(total.charges, charge.currency, charge.amount);
  }
  return total;
}
