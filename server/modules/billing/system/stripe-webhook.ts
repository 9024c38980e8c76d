/**
 * Stripe webhooks: verified, deduplicated by event id and applied once. Uses the raw client
 * because the tenant is known only after the signature is checked (from the session metadata).
 */
import type Stripe from "stripe";
import { db } from "../../../db";
import { Prisma } from "../../../generated/prisma/client";
import { stripeClient, stripeWebhookSecret } from "../../../integrations/stripe";
import { formatMoney, minorUnitDigits } from "../money";

export type WebhookOutcome = { status: 200 | 400 | 503; body: { received: boolean; result?: "applied" | "duplicate" | "ignored"; error?: string } };

const PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/**
 * Verifies and applies one webhook delivery; never throws for a bad request. 400 (nothing
 * written) for a missing or bad signature, 503 when Stripe is not configured, 200 otherwise.
 * A paid Checkout Session becomes one CREDIT_STRIPE entry: the event row (unique id) and the
 * entry (unique per session) commit together, so replays and concurrent deliveries credit once.
 */
export async function applyStripeEvent(rawBody: string | Buffer, signature: string | null | undefined): Promise<WebhookOutcome> {
  const stripe = stripeClient();
  const secret = stripeWebhookSecret();
  if (!stripe || !secret) return { status: 503, body: { received: false, error: "Stripe webhooks are not configured." } };
  if (!signature) return { status: 400, body: { received: false, error: "Missing Stripe-Signature header." } };
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { received: false, error: "Invalid signature." } };
  }
  const result = await db.$transaction(async (tx) => {
    const recorded = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
    if (recorded.count === 0) return "duplicate" as const;
    if (!PAID_EVENTS.has(event.type)) return "ignored" as const;
    return creditSession(tx, event.id, event.data.object as Stripe.Checkout.Session);
  });
  return { status: 200, body: { received: true, result } };
}

async function creditSession(tx: Prisma.TransactionClient, eventId: string, session: Stripe.Checkout.Session) {
  const tenantId = session.metadata?.tenantId;
  if (session.payment_status !== "paid" || !tenantId || session.amount_total === null || !session.currency) return "ignored" as const;
  // A session for a customer since deleted (or not ours) is recorded and left alone; retrying cannot help.
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!tenant) {
    console.warn(`[stripe] event ${eventId}: session ${session.id} names unknown tenant ${tenantId}; not credited`);
    return "ignored" as const;
  }
  const currency = session.currency.toUpperCase();
  // What Stripe collected is what we credit, whatever the metadata says.
  const amount = new Prisma.Decimal(session.amount_total).div(new Prisma.Decimal(10).pow(minorUnitDigits(currency)));
  await tx.stripeEvent.update({ where: { id: eventId }, data: { tenantId } });
  const entry = await tx.ledgerEntry.createMany({
    data: [{
      tenantId, kind: "CREDIT_STRIPE", amount, currency, reference: session.id,
      description: `Card top-up ${formatMoney(amount, currency)}`,
      // Per session, not per event: completed and async_payment_succeeded for one payment credit once.
      idempotencyKey: `stripe:${session.id}`,
    }],
    skipDuplicates: true,
  });
  return entry.count === 1 ? ("applied" as const) : ("duplicate" as const);
}
