/**
 * Finishing a supplier order here, and failing one. Both are idempotent and run under the
 * tenant's lock, so the buy request and the reconciler may race to the same purchase: the
 * second finds it settled and changes nothing.
 */
import { db } from "../../../db";
import { Prisma } from "../../../generated/prisma/client";
import type { SupplierOrder } from "../../../integrations/did-supplier/types";
import { tenantDb } from "../../../tenancy";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import { recordAudit } from "../../audit/service";
import { lockTenant, type RawQueryDb } from "../../billing/queries";
import { chargeFirstPayment } from "./first-payment";
import { assignNumber, dropReservation, type ExecDb } from "./queries";

export type PurchaseResult = { purchaseId: string; number: string; status: "PENDING" | "COMPLETED" | "FAILED" | "CANCELLED"; didId: string | null; failureReason: string | null };

export async function purchaseResult(purchaseId: string): Promise<PurchaseResult> {
  const p = await db.numberPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { id: true, number: true, status: true, didId: true, failureReason: true } });
  return { purchaseId: p.id, number: p.number, status: p.status, didId: p.didId, failureReason: p.failureReason };
}

/**
 * Completes a PENDING purchase whose order the vendor reports. A successful order assigns the
 * number and charges the first payment; a failed one fails the purchase; a pending one only
 * records the order id. A purchase the customer was already told failed is not revived: it is
 * flagged so the reconciler releases the number the vendor gave us after all.
 */
export async function completeSupplierPurchase(purchaseId: string, order: SupplierOrder, now = new Date()): Promise<PurchaseResult> {
  const { tenantId } = await db.numberPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { tenantId: true } });
  const scoped = tenantDb(tenantId);
  const line = order.numbers.find((n) => n.status === "success");
  await scoped.$transaction(async (tx) => {
    const tenant = await lockTenant(tx as RawQueryDb, tenantId);
    const purchase = await tx.numberPurchase.findUniqueOrThrow({ where: { id: purchaseId } });
    if (purchase.status === "FAILED" || purchase.status === "CANCELLED") {
      if (order.status === "success") await tx.numberPurchase.update({ where: { id: purchaseId }, data: { needsSupplierCheck: true, supplierOrderId: order.orderId } });
      return;
    }
    if (purchase.status !== "PENDING") return;
    if (order.status === "failure") {
      await failWithin(tx, purchase, "The supplier could not provide this number. You have not been charged.", false);
      return;
    }
    if (order.status !== "success" || !line || line.e164 !== purchase.number || !purchase.didId) {
      await tx.numberPurchase.update({ where: { id: purchaseId }, data: { supplierOrderId: order.orderId } });
      return;
    }
    const price = { tier: purchase.tierName, setupFee: new Prisma.Decimal(purchase.setupFee), monthlyFee: new Prisma.Decimal(purchase.monthlyFee), currency: purchase.currency };
    if ((await assignNumber(tx as unknown as ExecDb, purchase.didId, tenant.partnerId, tenantId)) !== 1) throw new Error(`reserved number ${purchase.didId} could not be assigned`);
    await chargeFirstPayment(tx, tenantId, purchase, price, purchase.createdByUserId, now);
    await tx.numberPurchase.update({ where: { id: purchaseId }, data: { status: "COMPLETED", completedAt: now, supplierOrderId: order.orderId } });
    const buyer = purchase.createdByUserId ? await tx.user.findUnique({ where: { id: purchase.createdByUserId }, select: { id: true, email: true } }) : null;
    if (buyer) {
      await recordAudit(tx, buyer, {
        action: "numbers.buy", entityType: "NumberPurchase", entityId: purchase.id, partnerId: tenant.partnerId, tenantId,
        details: { number: purchase.number, source: "SUPPLIER", orderId: order.orderId, tier: purchase.tierName, setupFee: price.setupFee.toString(), monthlyFee: price.monthlyFee.toString(), currency: price.currency },
      });
    }
    await notifyDialPlanChanged(tx, tenantId);
  });
  return purchaseResult(purchaseId);
}

type PendingPurchase = { id: string; status: string; didId: string | null };

async function failWithin(tx: Parameters<Parameters<ReturnType<typeof tenantDb>["$transaction"]>[0]>[0], purchase: PendingPurchase, reason: string, needsSupplierCheck: boolean) {
  await tx.numberPurchase.update({ where: { id: purchase.id }, data: { status: "FAILED", failureReason: reason, needsSupplierCheck } });
  if (purchase.didId) await dropReservation(tx as unknown as ExecDb, purchase.didId);
}

/** Fails a PENDING purchase with nothing charged and gives its reservation back. */
export async function failPurchase(purchaseId: string, reason: string, needsSupplierCheck: boolean) {
  const { tenantId } = await db.numberPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { tenantId: true } });
  await tenantDb(tenantId).$transaction(async (tx) => {
    await lockTenant(tx as RawQueryDb, tenantId);
    const purchase = await tx.numberPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { id: true, status: true, didId: true } });
    if (purchase.status === "PENDING") await failWithin(tx, purchase, reason, needsSupplierCheck);
  });
}
