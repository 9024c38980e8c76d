/**
 * Paid Stripe notices that credited nothing, for the back office. A refusal of a top-up we
 * recorded belongs to that top-up's customer. A refusal of a session we never created belongs
 * to nobody: its partner sees it only when it names one of their customers, marked
 * unverified (anyone with a payment link on the Stripe account can write any name), and the
 * platform admin sees every one.
 */
import { db } from "../../../db";
import type { Prisma } from "../../../generated/prisma/client";
import type { PartnerScope } from "../../admin/customers-service";
import { fromMinorUnits } from "../money";
import { requireCustomer } from "./plan-assignment-service";

/** The newest first; older ones stay in the table for support to query. */
export const REFUSAL_LIST_SIZE = 100;

const refusalSelect = {
  id: true, createdAt: true, reason: true, eventType: true, stripeSessionId: true, tenantId: true, claimedTenantIds: true,
  reportedAmountMinor: true, reportedCurrency: true,
  topUp: { select: { amount: true, currency: true } },
} satisfies Prisma.TopUpRefusalSelect;
type RefusalRow = Prisma.TopUpRefusalGetPayload<{ select: typeof refusalSelect }>;

function serializeRefusal(r: RefusalRow) {
  const currency = r.reportedCurrency;
  return {
    id: r.id, createdAt: r.createdAt, reason: r.reason, eventType: r.eventType, stripeSessionId: r.stripeSessionId,
    /** False for a session we never created: the customer it names is a claim, not a fact. */
    isVerified: r.tenantId !== null,
    reported: {
      /** A decimal string in `currency`, or null when Stripe's figures cannot be read as money. */
      amount: r.reportedAmountMinor !== null && currency ? fromMinorUnits(r.reportedAmountMinor, currency) : null,
      amountMinor: r.reportedAmountMinor?.toString() ?? null,
      currency,
    },
    expected: r.topUp ? { amount: r.topUp.amount.toString(), currency: r.topUp.currency } : null,
  };
}

/** One customer's refusals: its own, and unverified ones that name it. NOT_FOUND for another partner's customer. */
export async function findCustomerTopUpRefusals({ partnerId }: PartnerScope, tenantId: string) {
  await requireCustomer(partnerId, tenantId);
  const rows = await db.topUpRefusal.findMany({
    where: { OR: [{ tenantId }, { tenantId: null, claimedTenantIds: { has: tenantId } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REFUSAL_LIST_SIZE,
    select: refusalSelect,
  });
  return rows.map(serializeRefusal);
}

/** Every refusal on the platform, with the customer it belongs to or the customers it claims. */
export async function findAllTopUpRefusals() {
  const rows = await db.topUpRefusal.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REFUSAL_LIST_SIZE,
    select: { ...refusalSelect, tenant: { select: { id: true, name: true, partner: { select: { name: true } } } } },
  });
  const claimed = [...new Set(rows.flatMap((r) => r.claimedTenantIds))];
  const tenants = claimed.length
    ? await db.tenant.findMany({ where: { id: { in: claimed } }, select: { id: true, name: true, partner: { select: { name: true } } } })
    : [];
  const byId = new Map(tenants.map((t) => [t.id, { id: t.id, name: t.name, partnerName: t.partner.name }]));
  return rows.map((r) => ({
    ...serializeRefusal(r),
    customer: r.tenant ? { id: r.tenant.id, name: r.tenant.name, partnerName: r.tenant.partner.name } : null,
    /** What an unverified session claims: customers that exist, and the raw ids (which may not). */
    claimedCustomers: r.claimedTenantIds.map((id) => byId.get(id) ?? { id, name: null, partnerName: null }),
  }));
}
