/**
 * The billing history (issue 13): calls as one line per day ("Calls on 3 Dec: 42 calls,
 * £3.17"), expandable to that day's calls; every other entry as in the ledger. Rows are in
 * the ledger's page shape, so the pages' "Load more" works the same.
 */
import { Prisma } from "../../generated/prisma/client";
import type { TenantScope } from "../../tenancy";
import { formatMoney } from "./money";
import { billingHistoryPage, callEntriesOfDay } from "./queries";
import { CALLS_OF_DAY_LIMIT, LEDGER_PAGE_SIZE } from "./schema";

/** "-0.5", as the ledger writes amounts (PostgreSQL's text keeps the column's 5 places). */
const exact = (amount: string) => new Prisma.Decimal(amount).toString();

/** "Calls on 3 Dec: 42 calls, £3.17" (the day is a calendar date; the amount what they cost). */
export function callsOfDayDescription(day: string, calls: number, amount: string, currency: string): string {
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  return `Calls on ${date}: ${calls} ${calls === 1 ? "call" : "calls"}, ${formatMoney(new Prisma.Decimal(amount).abs(), currency)}`;
}

export async function findBillingHistory({ tenantId, db }: TenantScope, page: number) {
  const rows = await billingHistoryPage(db, tenantId, page, LEDGER_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amount: exact(r.amount),
      currency: r.currency,
      description: r.callDay ? callsOfDayDescription(r.callDay, r.calls, r.amount, r.currency) : (r.description ?? ""),
      createdAt: r.createdAt,
      callDay: r.callDay ? { day: r.callDay, calls: r.calls } : null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE)),
  };
}

/**
 * The calls of one day, newest first (at most CALLS_OF_DAY_LIMIT; `total` says how many there
 * were). A day without calls is an empty list: the row it came from may be a moment old.
 */
export async function findCallsOfDay({ tenantId, db }: TenantScope, input: { day: string; currency: string }) {
  const { rows, total } = await callEntriesOfDay(db, tenantId, input.day, input.currency, CALLS_OF_DAY_LIMIT);
  return { items: rows.map((r) => ({ ...r, amount: exact(r.amount) })), total };
}
