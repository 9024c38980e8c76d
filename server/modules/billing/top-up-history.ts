/**
 * Card top-ups as the customer asked for them, newest first: pending, credited or refused.
 * Through the tenant scope, so the back office calls it with tenantDb(customerId) too.
 */
import type { TenantScope } from "../../tenancy";

/** Enough for the page; older top-ups stay in the ledger, which pages. */
export const TOP_UP_HISTORY_SIZE = 100;

export async function findTopUps({ db }: Pick<TenantScope, "db">) {
  const rows = await db.topUp.findMany({
    // A top-up without a session never reached Stripe's page (see top-up-service.ts): nothing to show.
    where: { stripeSessionId: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TOP_UP_HISTORY_SIZE,
    select: {
      id: true, amount: true, currency: true, status: true, refusalReason: true, stripeSessionId: true,
      createdAt: true, creditedAt: true, refusedAt: true, requestedBy: { select: { name: true } },
    },
  });
  return rows.map(({ amount, requestedBy, ...row }) => ({ ...row, amount: amount.toString(), requestedByName: requestedBy?.name ?? null }));
}
