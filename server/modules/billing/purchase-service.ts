/**
 * Buy Accounts: the quote and the purchase. Both price through quotePurchase() with the same
 * inputs read the same way, so what the customer confirms is what the ledger is charged.
 */
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { notifySipAccountsChanged } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import { purchaseDebit, quotePurchase, type Band, type Quote } from "./domain";
import { balanceIn, serializePurchase } from "./ledger-service";
import { bandLabel, billingPeriod, formatMoney } from "./money";
import { lockTenant, pricingFor, type RawQueryDb } from "./queries";
import { ACCOUNT_TYPE_LABELS, type TPurchaseInput, type TQuoteInput } from "./schema";
import { newSipIdentity } from "./sip-credentials";

const SIP_REALM = "centrex";

type ScopedDb = TenantScope["db"];

async function quoteWith(db: Pick<ScopedDb, "sipAccount" | "$queryRaw">, tenantId: string, input: TQuoteInput): Promise<Quote & { planId: string; bands: Band[] }> {
  const pricing = await pricingFor(db as RawQueryDb, tenantId, input.accountType);
  const existing = await db.sipAccount.count({ where: { type: input.accountType } });
  const quote = quotePurchase({ ...pricing, existing, adding: input.quantity, repriceExisting: pricing.repriceExisting });
  return { ...quote, planId: pricing.planId, bands: pricing.bands };
}

export function serializeQuote(q: Quote) {
  return {
    ...q,
    unitPrice: q.unitPrice.toString(),
    setupFee: q.setupFee.toString(),
    total: q.total.toString(),
    nextBand: q.nextBand && { ...q.nextBand, unitPrice: q.nextBand.unitPrice.toString() },
    repricing: q.repricing && { ...q.repricing, unitPrice: q.repricing.unitPrice.toString() },
  };
}

/**
 * What buying `quantity` accounts of a type would cost now, with the band and re-pricing notes,
 * plus the plan's bands so Buy Accounts can draw the whole scale (customers cannot list plans).
 */
export async function getQuote({ tenantId, db }: TenantScope, input: TQuoteInput) {
  const { planId: _planId, bands, ...quote } = await quoteWith(db, tenantId, input);
  return {
    ...serializeQuote(quote),
    bands: bands.map((b) => ({ minQuantity: b.minQuantity, maxQuantity: b.maxQuantity, monthlyPrice: b.monthlyPrice.toString(), label: bandLabel(b) })),
  };
}

/**
 * Buys accounts, paid from the balance, in ONE transaction under the tenant's row lock:
 * re-quotes from current counts, checks the balance (INSUFFICIENT_FUNDS when short, nothing
 * written), writes the purchase, its debit, the accounts (with this month marked as paid) and
 * any re-pricing, then tells the worker to provision them (NOTIFY, delivered on commit).
 * Idempotent by `idempotencyKey`: a retry or a concurrent twin returns the first result.
 * Secrets are not returned; the extensions module regenerates and shows them once.
 */
export async function purchaseAccounts({ tenantId, db }: TenantScope, actor: Actor, input: TPurchaseInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const tenant = await lockTenant(tx as RawQueryDb, tenantId);
    const earlier = await tx.purchase.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: input.idempotencyKey } } });
    if (earlier) {
      if (earlier.accountType !== input.accountType || earlier.quantity !== input.quantity) {
        throw new AppError("CONFLICT", "This order key was already used for a different order. Reload and try again.");
      }
      return purchaseResult(tx, earlier);
    }
    if (tenant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "This account is suspended; contact your provider.");

    const quote = await quoteWith(tx, tenantId, input);
    const balance = await balanceIn(tx, quote.currency);
    if (balance.lt(quote.total)) {
      throw new AppError("INSUFFICIENT_FUNDS", `Your balance is short by ${formatMoney(quote.total.minus(balance), quote.currency)}; top up first.`);
    }
    const label = ACCOUNT_TYPE_LABELS[input.accountType];
    const purchase = await tx.purchase.create({
      data: {
        tenantId, accountType: input.accountType, quantity: input.quantity, unitPrice: quote.unitPrice, setupFee: quote.setupFee,
        total: quote.total, currency: quote.currency, bandLabel: quote.band.label, accountPlanId: quote.planId,
        idempotencyKey: input.idempotencyKey, createdByUserId: actor.id,
      },
    });
    const entry = await tx.ledgerEntry.create({
      data: {
        tenantId, kind: "PURCHASE", amount: purchaseDebit(quote), currency: quote.currency, reference: purchase.id, actorUserId: actor.id,
        description: `${input.quantity} × ${label} at ${formatMoney(quote.unitPrice, quote.currency)}/month (band ${quote.band.label})${quote.setupFee.isZero() ? "" : ` + setup ${formatMoney(quote.setupFee, quote.currency)} each`}`,
        idempotencyKey: `purchase:${input.idempotencyKey}`,
      },
    });
    if (quote.repricing) {
      // Only accounts that are billed at all move; the new ones get the price below anyway.
      await tx.sipAccount.updateMany({ where: { type: input.accountType, monthlyPrice: { not: null } }, data: { monthlyPrice: quote.unitPrice, priceCurrency: quote.currency } });
    }
    const accounts = await tx.sipAccount.createManyAndReturn({
      data: Array.from({ length: input.quantity }, () => {
        const { username, authMd5 } = newSipIdentity(tenantId, SIP_REALM);
        return { tenantId, type: input.accountType, username, authMd5, realm: SIP_REALM, purchaseId: purchase.id, monthlyPrice: quote.unitPrice, priceCurrency: quote.currency };
      }),
      select: { id: true },
    });
    // The purchase pays the first month, so the recurring job starts with the next period.
    await tx.recurringCharge.createMany({
      data: accounts.map((a) => ({ tenantId, sipAccountId: a.id, period: billingPeriod(now), amount: quote.unitPrice, currency: quote.currency, ledgerEntryId: entry.id })),
    });
    await recordAudit(tx, actor, {
      action: "billing.purchase", entityType: "Purchase", entityId: purchase.id, partnerId: tenant.partnerId, tenantId,
      details: { accountType: input.accountType, quantity: input.quantity, total: quote.total.toString(), currency: quote.currency, repriced: quote.repricing?.accounts ?? 0 },
    });
    await notifySipAccountsChanged(tx, tenantId);
    return purchaseResult(tx, purchase);
  });
}

/** The same shape for the first request and every replay of its key. */
async function purchaseResult(tx: Pick<ScopedDb, "sipAccount">, purchase: Parameters<typeof serializePurchase>[0]) {
  const accounts = await tx.sipAccount.findMany({ where: { purchaseId: purchase.id }, select: { id: true, username: true }, orderBy: { username: "asc" } });
  return { purchase: serializePurchase(purchase), accounts };
}
