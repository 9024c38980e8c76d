/** Card top-ups through Stripe Checkout. The credit itself arrives by webhook (system/stripe-webhook.ts). */
import { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import { appBaseUrl, stripeClient } from "../../integrations/stripe";
import type { TenantScope } from "../../tenancy";
import { minorUnitDigits } from "./money";
import { partnerCurrencyFor } from "./queries";
import type { TTopUpInput } from "./schema";

/**
 * Opens a Stripe Checkout Session for `amount` in the partner's currency and returns its URL.
 * Writes nothing locally: the balance changes only when Stripe's signed webhook says paid.
 * Throws FORBIDDEN when Stripe is not configured, UPSTREAM_FAILED when Stripe refuses.
 */
export async function createTopUp({ tenantId, db }: TenantScope, actor: { id: string }, input: TTopUpInput) {
  const stripe = stripeClient();
  if (!stripe) throw new AppError("FORBIDDEN", "Card payments are not configured; ask your provider to credit your account.");
  const currency = await partnerCurrencyFor(db, tenantId);
  const amount = new Prisma.Decimal(input.amount);
  const minorUnits = amount.times(new Prisma.Decimal(10).pow(minorUnitDigits(currency)));
  if (!minorUnits.isInteger()) throw new AppError("INVALID", `Amounts in ${currency} cannot have that many decimals.`);
  const base = appBaseUrl();
  try {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      client_reference_id: tenantId,
      line_items: [{ quantity: 1, price_data: { currency: currency.toLowerCase(), unit_amount: minorUnits.toNumber(), product_data: { name: "Account balance top-up" } } }],
      // The webhook credits from these (and checks them against amount_total).
      metadata: { tenantId, amount: amount.toFixed(2), currency, requestedBy: actor.id },
      success_url: `${base}/billing?topUp=success&session={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/billing?topUp=cancelled`,
    });
    if (!session.url) throw new Error(`Checkout session ${session.id} has no url`);
    return { url: session.url, sessionId: session.id };
  } catch (err) {
    throw new AppError("UPSTREAM_FAILED", "The card payment service did not answer; try again in a minute.", { cause: err });
  }
}
