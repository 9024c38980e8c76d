/**
 * The number-order reconciler: the part of "order at a vendor" that survives crashes and lost
 * answers. Run by the worker every minute (and safe to run anywhere, any number of times):
 *  - PENDING supplier purchases old enough that no request is still waiting on them are looked
 *    up at the vendor (by order id, or by our reference when the answer never reached us) and
 *    completed or failed. The vendor is asked about an order, never asked for one.
 *  - FAILED purchases flagged as ambiguous (a timeout) are looked up by reference; a number the
 *    vendor gave us after we told the customer "failed" is released.
 *  - RETIRED supplier numbers not yet released are released.
 *  - Quarantined stock numbers whose quarantine is over become AVAILABLE.
 */
import { db } from "../../../db";
import { SupplierError } from "../../../integrations/did-supplier/types";
import { adapterFor, SUPPLIER_SELECT } from "../suppliers/adapter";
import { completeSupplierPurchase, failPurchase } from "./complete";
import { releaseAtSupplier } from "./release";

/** Longer than any buy request can wait on the vendor, so the reconciler never races a live one. */
export const PENDING_GRACE_MS = 2 * 60_000;
/** A reference the vendor has never heard of this long after the order was due is an order that never arrived. */
const UNKNOWN_ORDER_GIVE_UP_MS = 10 * 60_000;
/** How long a timed-out order is looked for, in case the vendor placed it late. */
const AMBIGUOUS_CHECK_MS = 60 * 60_000;
const BATCH = 100;

export type ReconcileSummary = { completed: number; failed: number; released: number; unquarantined: number; errors: number };

export async function reconcileNumberOrders(now = new Date(), options: { graceMs?: number } = {}): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { completed: 0, failed: 0, released: 0, unquarantined: 0, errors: 0 };
  const grace = options.graceMs ?? PENDING_GRACE_MS;
  const attempt = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      summary.errors += 1;
      console.warn(`[numbers] reconciler: ${what}: ${err instanceof SupplierError ? err.message : String(err)}`);
    }
  };

  const pending = await db.numberPurchase.findMany({
    where: { status: "PENDING", source: "SUPPLIER", createdAt: { lte: new Date(now.getTime() - grace) } },
    select: { id: true, number: true, createdAt: true, supplierOrderId: true, supplierReference: true, supplier: { select: SUPPLIER_SELECT } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  for (const p of pending) {
    await attempt(`order for ${p.number}`, async () => {
      if (!p.supplier || !p.supplierReference) return failPurchase(p.id, "The supplier of this order is gone. You have not been charged.", false).then(() => void summary.failed++);
      const adapter = adapterFor(p.supplier);
      const order = p.supplierOrderId ? await adapter.orderStatus(p.supplierOrderId) : await adapter.findOrderByReference(p.supplierReference);
      if (!order) {
        if (now.getTime() - p.createdAt.getTime() < UNKNOWN_ORDER_GIVE_UP_MS) return;
        await failPurchase(p.id, "The supplier never received this order. You have not been charged.", false);
        summary.failed += 1;
        return;
      }
      const result = await completeSupplierPurchase(p.id, order, now);
      if (result.status === "COMPLETED") summary.completed += 1;
      if (result.status === "FAILED") summary.failed += 1;
    });
  }

  const ambiguous = await db.numberPurchase.findMany({
    where: { status: { in: ["FAILED", "CANCELLED"] }, needsSupplierCheck: true },
    select: { id: true, number: true, updatedAt: true, supplierReference: true, supplier: { select: SUPPLIER_SELECT } },
    take: BATCH,
  });
  for (const p of ambiguous) {
    await attempt(`checking failed order for ${p.number}`, async () => {
      if (!p.supplier || !p.supplierReference) return void (await clearCheck(p.id));
      const adapter = adapterFor(p.supplier);
      const order = await adapter.findOrderByReference(p.supplierReference);
      if (order?.status === "pending") return; // look again next run
      const delivered = order?.numbers.filter((n) => n.status === "success") ?? [];
      for (const n of delivered) {
        // Never release a number that is some customer's now (e.g. ordered again and completed).
        const held = await db.did.count({ where: { number: n.e164, state: { in: ["RESERVED", "ASSIGNED"] } } });
        if (held === 0) {
          await adapter.release(n.e164);
          summary.released += 1;
        }
      }
      if (order || now.getTime() - p.updatedAt.getTime() > AMBIGUOUS_CHECK_MS) await clearCheck(p.id);
    });
  }

  const retired = await db.did.findMany({ where: { source: "SUPPLIER", state: "RETIRED", supplierReleasedAt: null }, select: { id: true, number: true }, take: BATCH });
  for (const did of retired) {
    await attempt(`releasing ${did.number}`, async () => {
      if (await releaseAtSupplier(did.id)) summary.released += 1;
    });
  }

  const { count } = await db.did.updateMany({ where: { state: "QUARANTINED", quarantinedUntil: { lte: now } }, data: { state: "AVAILABLE", quarantinedUntil: null } });
  summary.unquarantined = count;
  return summary;
}

const clearCheck = (purchaseId: string) => db.numberPurchase.update({ where: { id: purchaseId }, data: { needsSupplierCheck: false } });
