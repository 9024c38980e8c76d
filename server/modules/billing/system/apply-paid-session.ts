/**
 * One paid Checkout notice, applied inside the webhook's transaction (the one that records its
 * StripeEvent row): it credits the top-up recorded for that session, or records why not.
 *
 * Exactly once: the top-up's row is locked first, so two deliveries for one session (replays
 * under new event ids, or completed and async_payment_succeeded) decide one after the other,
 * and the second finds it CREDITED. The status change and the ledger entry commit together.
 * The tenant is always the record's; what the session says about tenants is never trusted.
 */
import { Prisma, type TopUpRefusalReason } from "../../../generated/prisma/client";
import { formatMoney } from "../money";
import { paidSessionProblem, SETTLING_REASONS } from "../top-up-domain";
import type { PaidSessionReport } from "./stripe-payload";

type Tx = Prisma.TransactionClient;
type PaidEvent = { id: string; type: string; session: PaidSessionReport };

export async function applyPaidSession(tx: Tx, event: PaidEvent): Promise<"applied" | "refused" | "ignored"> {
  const { session } = event;
  // An async payment (a bank debit) completes unpaid; its async_payment_succeeded follows.
  if (!session.isPaid) return "ignored";
  const topUp = await lockTopUpForSession(tx, session.id);
  const problem = topUp ? paidSessionProblem(topUp, session) : "UNKNOWN_SESSION";
  if (topUp) await tx.stripeEvent.update({ where: { id: event.id }, data: { tenantId: topUp.tenantId } });
  if (topUp && !problem) {
    const entry = await tx.ledgerEntry.create({
      data: {
        tenantId: topUp.tenantId, kind: "CREDIT_STRIPE", amount: topUp.amount, currency: topUp.currency, reference: session.id,
        description: `Card top-up ${formatMoney(topUp.amount, topUp.currency)}`,
        // The lock already makes this once per session; the unique key is the last line of defence.
        idempotencyKey: `stripe:${session.id}`,
        actorUserId: topUp.requestedByUserId,
      },
    });
    await tx.topUp.update({ where: { id: topUp.id }, data: { status: "CREDITED", creditedAt: new Date(), ledgerEntryId: entry.id } });
    return "applied";
  }
  const reason = problem ?? "UNKNOWN_SESSION";
  if (topUp && SETTLING_REASONS.has(reason)) {
    await tx.topUp.update({ where: { id: topUp.id }, data: { status: "REFUSED", refusalReason: reason, refusedAt: new Date() } });
  }
  await recordRefusal(tx, event, reason, topUp);
  return "refused";
}

/**
 * The top-up recorded for a session, locked until the transaction ends; null when we never
 * created that session. Raw SQL for FOR UPDATE, which Prisma cannot express; no tenant
 * filter, because the session id (unique) is how the tenant is found.
 */
async function lockTopUpForSession(tx: Tx, sessionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "TopUp" WHERE "stripeSessionId" = ${sessionId} FOR UPDATE`;
  return rows[0] ? tx.topUp.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}

async function recordRefusal(tx: Tx, event: PaidEvent, reason: TopUpRefusalReason, topUp: { id: string; tenantId: string } | null) {
  const { session } = event;
  await tx.topUpRefusal.create({
    data: {
      stripeEventId: event.id, eventType: event.type, stripeSessionId: session.id, reason,
      topUpId: topUp?.id ?? null, tenantId: topUp?.tenantId ?? null,
      // A session we never created has no trusted tenant; its claims only route it to a partner, marked unverified.
      claimedTenantIds: topUp ? [] : session.claimedTenantIds,
      // Negative amounts are kept as reported; only what a number cannot hold exactly is dropped.
      reportedAmountMinor: session.amountTotal !== null && Number.isSafeInteger(session.amountTotal) ? BigInt(session.amountTotal) : null,
      reportedCurrency: session.currency?.toUpperCase() ?? null,
    },
  });
  const who = topUp ? `top-up ${topUp.id} of tenant ${topUp.tenantId}` : `no top-up of ours (claims ${JSON.stringify(session.claimedTenantIds)})`;
  console.warn(`[stripe] event ${event.id} (${event.type}): session ${session.id}, ${who}, refused: ${reason}; nothing credited`);
}
