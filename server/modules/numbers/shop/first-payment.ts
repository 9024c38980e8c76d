/**
 * The money side of a completed number purchase, shared by stock purchases and supplier
 * orders completed later: one ledger debit (setup + first month) under the purchase's key,
 * and this month's charge row marked as paid by it, so the monthly job starts next month.
 */
import type { TenantDb } from "../../../tenancy";
import { billingPeriod, formatMoney } from "../../billing/money";
import type { NumberPrice } from "./pricing";
import { firstPayment } from "./pricing";

type Tx = Pick<TenantDb, "ledgerEntry" | "recurringCharge">;

export async function chargeFirstPayment(
  tx: Tx,
  tenantId: string,
  purchase: { id: string; number: string; idempotencyKey: string },
  price: NumberPrice,
  actorUserId: string | null,
  now: Date,
) {
  const total = firstPayment(price);
  const setup = price.setupFee.isZero() ? "" : ` + setup ${formatMoney(price.setupFee, price.currency)}`;
  const entry = await tx.ledgerEntry.create({
    data: {
      tenantId, kind: "PURCHASE", amount: total.negated(), currency: price.currency, reference: purchase.id, actorUserId,
      description: `Number ${purchase.number}${price.tier ? ` (${price.tier})` : ""} at ${formatMoney(price.monthlyFee, price.currency)}/month${setup}`,
      idempotencyKey: `number:${purchase.idempotencyKey}`,
    },
  });
  await tx.recurringCharge.create({
    data: { tenantId, numberPurchaseId: purchase.id, period: billingPeriod(now), amount: price.monthlyFee, currency: price.currency, ledgerEntryId: entry.id },
  });
  return entry;
}
