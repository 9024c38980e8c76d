/**
 * Card top-ups through Stripe Checkout. Each top-up is recorded here before Stripe is asked,
 * and the webhook (system/stripe-webhook.ts) credits only a recorded top-up whose session,
 * amount and currency match, so this record, not what a session says, decides whose money
 * it is and how much.
 *
 * The order, and what a failure (or a crash) at each step leaves behind:
 * 1. Record the top-up PENDING, with no session id. If that fails Stripe is never asked.
 * 2. Ask Stripe for a Checkout Session, keyed by the top-up's id (a retry finds the same one).
 *    If Stripe fails the record is deleted; a session Stripe may still have made was never
 *    shown to anyone, so nobody can pay it (and if paid, the webhook refuses it as unknown).
 * 3. Attach the session id; only then is the payment page's URL handed out. A crash between
 *    2 and 3 leaves a PENDING record without a session id, which no webhook can match, so it
 *    is never credited; the lists leave such records out.
 */
import { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import { appBaseUrl, stripeClient } from "../../integrations/stripe";
import type { TenantScope } from "../../tenancy";
import { minorUnitDigits } from "./money";
import { partnerCurrencyFor } from "./queries";
import type { TTopUpInput } from "./schema";

const UPSTREAM_MESSAGE = "The card payment page could not be opened; nothing was charged. Try again in a minute.";

/**
 * Opens a Stripe Checkout Session for `amount` in the partner's currency and returns its URL.
 * Records a PENDING top-up first; the balance changes only when Stripe's signed webhook says
 * that very session was paid in full. Throws FORBIDDEN when Stripe is not configured, INVALID
 * for an amount the currency cannot express, UPSTREAM_FAILED when Stripe fails (nothing is
 * left pending then).
 */
export async function createTopUp({ tenantId, db }: TenantScope, actor: { id: string }, input: TTopUpInput) {
  const stripe = stripeClient();
  if (!stripe) throw new AppError("FORBIDDEN", "Card payments are not configured; ask your provider to credit your account.");
  const currency = await partnerCurrencyFor(db, tenantId);
  const amount = new Prisma.Decimal(input.amount);
  const minorUnits = amount.times(new Prisma.Decimal(10).pow(minorUnitDigits(currency)));
  if (!minorUnits.isInteger()) throw new AppError("INVALID", `Amounts in ${currency} cannot have that many decimals.`);
  const amountMinor = minorUnits.toNumber();

  const topUp = await db.topUp.create({ data: { tenantId, amount, currency, amountMinor, requestedByUserId: actor.id }, select: { id: true } });
  // If even this fails the record stays PENDING without a session: inert, as after a crash.
  const forget = () =>
    db.topUp.deleteMany({ where: { id: topUp.id, stripeSessionId: null } }).catch((err: unknown) => {
      console.error(`[stripe] top-up ${topUp.id}: could not delete it after Checkout failed; it has no session, so it cannot be credited`, err);
    });
  const base = appBaseUrl();
  let session: { id: string; url: string | null; amount_total: number | null; currency: string | null };
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: tenantId,
        line_items: [{ quantity: 1, price_data: { currency: currency.toLowerCase(), unit_amount: amountMinor, product_data: { name: "Account balance top-up" } } }],
        // For people reading the Stripe dashboard; the webhook trusts the record, never these.
        metadata: { topUpId: topUp.id, tenantId, amount: amount.toFixed(2), currency, requestedBy: actor.id },
        success_url: `${base}/billing?topUp=success&session={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}/billing?topUp=cancelled`,
      },
      { idempotencyKey: `top-up:${topUp.id}` },
    );
  } catch (err) {
    console.warn(`[stripe] top-up ${topUp.id}: Checkout Session not created: ${err instanceof Error ? err.message : String(err)}`);
    await forget();
    throw new AppError("UPSTREAM_FAILED", UPSTREAM_MESSAGE, { cause: err });
  }
  // A session that would charge something else (a tax or discount setting on the Stripe
  // account) would be refused by the webhook after the customer paid: better not to offer it.
  if (!session.url || session.amount_total !== amountMinor || session.currency !== currency.toLowerCase()) {
    const got = `${session.amount_total ?? "no amount"} ${session.currency ?? "no currency"}, url ${session.url ? "present" : "missing"}`;
    console.warn(`[stripe] top-up ${topUp.id}: Checkout Session ${session.id} does not match it (${got}); not offered`);
    await forget();
    throw new AppError("UPSTREAM_FAILED", UPSTREAM_MESSAGE);
  }
  await db.topUp.update({ where: { id: topUp.id }, data: { stripeSessionId: session.id } });
  return { url: session.url, sessionId: session.id };
}
