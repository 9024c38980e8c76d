/**
 * Cancelling a number: its monthly charge stops (the purchase is CANCELLED; the month already
 * paid is not refunded), extensions presenting it fall back to the company default, and the
 * number leaves the company: a supplier number is released at the supplier, a stock number
 * rests in quarantine (Partner.didQuarantineDays) before anyone else can buy it, so callers
 * of its old owner do not reach a stranger at once.
 */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../../audit/service";
import { lockTenant, type RawQueryDb } from "../../billing/queries";
import { releaseAtSupplier } from "./release";
import type { TCancelNumberInput } from "./schema";

const DAY_MS = 86_400_000;

export async function cancelNumber(scope: TenantScope, actor: Actor, input: TCancelNumberInput, now = new Date()) {
  const { tenantId } = scope;
  const did = await scope.db.$transaction(async (tx) => {
    const tenant = await lockTenant(tx as RawQueryDb, tenantId);
    const did = await tx.did.findFirst({ where: { id: input.didId }, select: { id: true, number: true, source: true } });
    if (!did) throw new AppError("NOT_FOUND", "That number does not exist.");
    const partner = await db.partner.findUniqueOrThrow({ where: { id: tenant.partnerId }, select: { didQuarantineDays: true } });
    const { count: stopped } = await tx.numberPurchase.updateMany({ where: { didId: did.id, status: "COMPLETED" }, data: { status: "CANCELLED", cancelledAt: now } });
    const { count: clisReset } = await tx.extension.updateMany({ where: { outboundCli: did.number }, data: { outboundCli: null } });
    const isSupplier = did.source === "SUPPLIER";
    // Rules belong to the company, not the number; the (tenantId, didId) FK refuses the move otherwise.
    const { count: rulesDropped } = await tx.callRule.deleteMany({ where: { didId: did.id } });
    await tx.did.update({
      where: { id: did.id },
      data: {
        tenantId: null, targetType: null, targetExtensionId: null, targetExternal: null, targetSipAccountId: null,
        state: isSupplier ? "RETIRED" : "QUARANTINED",
        quarantinedUntil: isSupplier ? null : new Date(now.getTime() + partner.didQuarantineDays * DAY_MS),
        supplierReleasedAt: null,
      },
    });
    await recordAudit(tx, actor, {
      action: "numbers.cancel", entityType: "Did", entityId: did.id, partnerId: tenant.partnerId, tenantId,
      details: { number: did.number, source: did.source, subscriptionsStopped: stopped, extensionsReset: clisReset, rulesDropped },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return did;
  });
  // After the commit: the number is already gone from the company; if the supplier is down, the reconciler retries.
  const isReleased = did.source === "SUPPLIER" ? await releaseAtSupplier(did.id).catch((err: unknown) => {
    console.warn(`[numbers] releasing ${did.number} at the supplier failed; the reconciler will retry: ${String(err)}`);
    return false;
  }) : false;
  return { number: did.number, releasedAtSupplier: isReleased, quarantined: did.source !== "SUPPLIER" };
}
