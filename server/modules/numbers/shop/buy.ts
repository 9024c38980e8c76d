/**
 * Buying a number. From stock it is one transaction under the tenant's lock and the number's
 * row lock: two customers reaching for one number get one owner and one charge.
 *
 * From a supplier it cannot be one transaction, because the vendor is another system:
 *  1. reserve the number and record a PENDING purchase with our reference (commit);
 *  2. order at the vendor under that reference (outside any transaction);
 *  3. complete: assign, charge, mark COMPLETED (one transaction, idempotent).
 * A refusal or a timeout at 2 fails the purchase with nothing charged (a timeout also flags it,
 * so the reconciler can release an order the vendor placed after all). A failure at 3 leaves
 * the purchase PENDING for the reconciler, which looks the order up by reference and completes
 * it: the vendor is never asked twice.
 */
import { randomUUID } from "node:crypto";
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { parsePhoneNumber, isPremiumKind } from "@/components/format/phone-number";
import { SupplierError } from "../../../integrations/did-supplier/types";
import { SealedSecretError } from "../../../integrations/secret-box";
import type { TenantScope } from "../../../tenancy";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../../audit/service";
import { balanceIn } from "../../billing/ledger-service";
import { formatMoney } from "../../billing/money";
import { lockTenant, type RawQueryDb } from "../../billing/queries";
import { adapterFor } from "../suppliers/adapter";
import { orderingSupplierOf } from "../suppliers/service";
import { completeSupplierPurchase, failPurchase, purchaseResult, type PurchaseResult } from "./complete";
import { chargeFirstPayment } from "./first-payment";
import { partnerOf, tiersOf } from "./offers";
import { firstPayment, priceNumber, type NumberPrice, type PricedTier } from "./pricing";
import { assignNumber, lockPartnerNumber, reserveSupplierNumber, type ExecDb } from "./queries";
import type { TBuyNumberInput } from "./schema";

export type BuyDeps = {
  now?: Date;
  /** The completion step; tests replace it with one that fails, to prove the reconciler finishes the order. */
  complete?: typeof completeSupplierPurchase;
};

const TAKEN = "Someone has just bought this number. Choose another one.";

export async function buyNumber(scope: TenantScope, actor: Actor, input: TBuyNumberInput, deps: BuyDeps = {}): Promise<PurchaseResult> {
  const parsed = parsePhoneNumber(input.number);
  if (!parsed) throw new AppError("INVALID", "That is not a valid phone number.", { fieldErrors: { number: "That is not a valid phone number." } });
  const earlier = await scope.db.numberPurchase.findUnique({ where: { tenantId_idempotencyKey: { tenantId: scope.tenantId, idempotencyKey: input.idempotencyKey } } });
  if (earlier) return replay(earlier, input);

  const partnerId = await partnerOf(scope.tenantId);
  const tiers = await tiersOf(partnerId);
  const known = await db.did.findUnique({ where: { number: parsed.e164 }, select: { partnerId: true, source: true, state: true, supplierReleasedAt: true } });
  if (known && known.partnerId === partnerId && known.source === "INVENTORY") return buyFromStock(scope, actor, input, partnerId, tiers, deps.now ?? new Date());
  const isReorderable = known?.partnerId === partnerId && known.source === "SUPPLIER" && known.state === "RETIRED" && known.supplierReleasedAt !== null;
  if (known && !isReorderable) throw new AppError("CONFLICT", "This number is not available.");
  if (isPremiumKind(parsed.kind) || !parsed.country) throw new AppError("INVALID", "This kind of number cannot be bought here.");
  return buyFromSupplier(scope, actor, input, { partnerId, tiers, country: parsed.country, kind: parsed.kind }, deps);
}

/** A retried request (same key): the first request's outcome, never a second purchase. */
async function replay(earlier: { id: string; number: string; status: string; failureReason: string | null }, input: TBuyNumberInput) {
  if (earlier.number !== input.number) throw new AppError("CONFLICT", "This order key was already used for another number. Reload and try again.");
  if (earlier.status === "FAILED") throw new AppError("UPSTREAM_FAILED", earlier.failureReason ?? "This order failed; you were not charged.");
  return purchaseResult(earlier.id);
}

function checkQuoted(price: NumberPrice, input: TBuyNumberInput) {
  if (!price.setupFee.eq(input.expectedSetupFee) || !price.monthlyFee.eq(input.expectedMonthlyFee)) {
    throw new AppError("CONFLICT", `The price of this number has changed: now ${formatMoney(price.setupFee, price.currency)} setup and ${formatMoney(price.monthlyFee, price.currency)}/month. Check it and buy again.`);
  }
}

async function checkBalance(tx: Parameters<typeof balanceIn>[0], price: NumberPrice) {
  const total = firstPayment(price);
  const balance = await balanceIn(tx, price.currency);
  if (balance.lt(total)) throw new AppError("INSUFFICIENT_FUNDS", `Your balance is short by ${formatMoney(total.minus(balance), price.currency)}; top up first.`);
}

async function buyFromStock(scope: TenantScope, actor: Actor, input: TBuyNumberInput, partnerId: string, tiers: PricedTier[], now: Date) {
  const { tenantId } = scope;
  const id = await scope.db.$transaction(async (tx) => {
    const tenant = await lockTenant(tx as RawQueryDb, tenantId);
    // A concurrent twin of this request may have committed while we waited for the lock.
    const twin = await tx.numberPurchase.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: input.idempotencyKey } }, select: { id: true } });
    if (twin) return twin.id;
    if (tenant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "This account is suspended; contact your provider.");
    const row = await lockPartnerNumber(tx as RawQueryDb, partnerId, input.number);
    if (!row || row.state !== "AVAILABLE") throw new AppError("CONFLICT", TAKEN);
    const price = priceNumber(row.number, row, tiers);
    checkQuoted(price, input);
    await checkBalance(tx, price);
    const purchase = await tx.numberPurchase.create({
      data: {
        tenantId, didId: row.id, number: row.number, tierName: price.tier, setupFee: price.setupFee, monthlyFee: price.monthlyFee, currency: price.currency,
        source: "INVENTORY", idempotencyKey: input.idempotencyKey, status: "COMPLETED", completedAt: now, createdByUserId: actor.id,
      },
    });
    await chargeFirstPayment(tx, tenantId, purchase, price, actor.id, now);
    if ((await assignNumber(tx as unknown as ExecDb, row.id, partnerId, tenantId)) !== 1) throw new Error(`stock number ${row.id} could not be assigned`);
    await recordAudit(tx, actor, {
      action: "numbers.buy", entityType: "NumberPurchase", entityId: purchase.id, partnerId, tenantId,
      details: { number: row.number, source: "INVENTORY", tier: price.tier, setupFee: price.setupFee.toString(), monthlyFee: price.monthlyFee.toString(), currency: price.currency },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return purchase.id;
  });
  return purchaseResult(id);
}

type SupplierContext = { partnerId: string; tiers: PricedTier[]; country: string; kind: string | null };

async function buyFromSupplier(scope: TenantScope, actor: Actor, input: TBuyNumberInput, context: SupplierContext, deps: BuyDeps) {
  const { tenantId } = scope;
  const [supplier, base] = await Promise.all([
    orderingSupplierOf(context.partnerId),
    db.didPrice.findUnique({ where: { partnerId_countryIso: { partnerId: context.partnerId, countryIso: context.country } } }),
  ]);
  if (!supplier || !base) throw new AppError("NOT_FOUND", "This number is not for sale.");
  const price = priceNumber(input.number, base, context.tiers);
  checkQuoted(price, input);
  const reference = `centrex-${randomUUID()}`;

  const reserved = await scope.db.$transaction(async (tx): Promise<{ twinId: string } | { purchaseId: string }> => {
    const tenant = await lockTenant(tx as RawQueryDb, tenantId);
    const twin = await tx.numberPurchase.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: input.idempotencyKey } }, select: { id: true } });
    if (twin) return { twinId: twin.id };
    if (tenant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "This account is suspended; contact your provider.");
    await checkBalance(tx, price);
    const didId = await reserveSupplierNumber(tx as RawQueryDb, { ...context, supplierId: supplier.id, number: input.number, base });
    if (!didId) throw new AppError("CONFLICT", TAKEN);
    const purchase = await tx.numberPurchase.create({
      data: {
        tenantId, didId, number: input.number, tierName: price.tier, setupFee: price.setupFee, monthlyFee: price.monthlyFee, currency: price.currency,
        source: "SUPPLIER", supplierId: supplier.id, supplierReference: reference, idempotencyKey: input.idempotencyKey, createdByUserId: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "numbers.order", entityType: "NumberPurchase", entityId: purchase.id, partnerId: context.partnerId, tenantId,
      details: { number: input.number, supplier: supplier.name, reference, tier: price.tier, setupFee: price.setupFee.toString(), monthlyFee: price.monthlyFee.toString(), currency: price.currency },
    });
    return { purchaseId: purchase.id };
  });
  if ("twinId" in reserved) return purchaseResult(reserved.twinId);

  let order;
  try {
    order = await adapterFor(supplier).order(input.number, reference);
  } catch (err) {
    const supplierError = err instanceof SupplierError ? err : null;
    // An unreadable stored key fails before any request leaves: certainly nothing was ordered.
    const isKeyUnreadable = err instanceof SealedSecretError;
    const message = supplierError
      ? failureMessage(supplierError)
      : isKeyUnreadable
        ? "Your provider's supplier account needs attention, so the order was not placed. You have not been charged."
        : "The order could not be placed. You have not been charged.";
    // Anything but a clear refusal might have reached the vendor: the reconciler checks by reference.
    await failPurchase(reserved.purchaseId, message, supplierError ? supplierError.isAmbiguous : !isKeyUnreadable);
    if (!supplierError) console.error(`[numbers] ordering ${input.number} failed`, err);
    throw new AppError("UPSTREAM_FAILED", message);
  }
  try {
    return await (deps.complete ?? completeSupplierPurchase)(reserved.purchaseId, order, deps.now ?? new Date());
  } catch (err) {
    console.error(`[numbers] order ${order.orderId} for ${input.number} succeeded at the supplier but could not be completed here; the reconciler will finish it`, err);
    throw new AppError("UPSTREAM_FAILED", "Your number was ordered, but setting it up here did not finish. It will appear in your numbers within a few minutes, charged once.");
  }
}

function failureMessage(err: SupplierError): string {
  switch (err.kind) {
    case "declined":
      return "The supplier could not provide this number (it may have just been taken). You have not been charged; choose another number.";
    case "timeout":
      return "The supplier did not answer in time. You have not been charged; try again in a minute or choose another number.";
    case "auth":
      return "Your provider's supplier account refused the order. You have not been charged; please contact your provider.";
    default:
      return "The supplier is having trouble. You have not been charged; try again in a few minutes.";
  }
}
