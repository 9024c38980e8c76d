/**
 * Stripe webhooks: verified, deduplicated by event id and applied once. Uses the raw client
 * because the tenant is known only once a paid session's recorded top-up is found.
 *
 * Answers, and why: 400 for a missing or bad signature (not from Stripe; nothing written);
 * 503 when Stripe is not configured; 200 for everything signed, including payloads we cannot
 * use (acknowledged and logged, since Stripe would retry a 5xx for days and the payload will
 * not change); 500 only when the database fails, so that Stripe retries.
 */
import { db } from "../../../db";
import { stripeClient, stripeWebhookSecret } from "../../../integrations/stripe";
import { applyPaidSession } from "./apply-paid-session";
import { parseStripeEvent } from "./stripe-payload";

export type WebhookResult = "applied" | "refused" | "duplicate" | "ignored";
export type WebhookOutcome = { status: 200 | 400 | 500 | 503; body: { received: boolean; result?: WebhookResult; error?: string } };

const acknowledged = (result: WebhookResult): WebhookOutcome => ({ status: 200, body: { received: true, result } });

/**
 * Verifies and applies one webhook delivery; never throws. A paid Checkout Session credits
 * the top-up recorded for it, once (system/apply-paid-session.ts), or is recorded as refused.
 */
export async function applyStripeEvent(rawBody: string | Buffer, signature: string | null | undefined): Promise<WebhookOutcome> {
  const stripe = stripeClient();
  const secret = stripeWebhookSecret();
  if (!stripe || !secret) return { status: 503, body: { received: false, error: "Stripe webhooks are not configured." } };
  if (!signature) return { status: 400, body: { received: false, error: "Missing Stripe-Signature header." } };
  let payload: unknown;
  try {
    payload = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (err) {
    if (err instanceof stripe.errors.StripeSignatureVerificationError) return { status: 400, body: { received: false, error: "Invalid signature." } };
    // constructEvent checks the signature before it parses: this body is signed but not an event.
    payload = undefined;
  }
  const event = parseStripeEvent(payload);
  if (event.kind === "malformed") {
    console.warn(`[stripe] event ${JSON.stringify(event.id)} (${JSON.stringify(event.type)}) is signed but malformed: ${event.problem}; acknowledged and ignored`);
    return acknowledged("ignored");
  }
  try {
    const result = await db.$transaction(async (tx) => {
      const recorded = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
      if (recorded.count === 0) return "duplicate" as const;
      if (event.kind === "other") return "ignored" as const;
      return applyPaidSession(tx, event);
    });
    return acknowledged(result);
  } catch (err) {
    console.error(`[stripe] event ${event.id} (${event.type}) could not be applied; answering 500 so Stripe retries`, err);
    return { status: 500, body: { received: false, error: "The event could not be applied; it will be retried." } };
  }
}
