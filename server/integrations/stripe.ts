/**
 * The Stripe client, built from the validated environment. Both keys are optional: without
 * them card top-ups are off and partners credit customers by hand, so callers get null and
 * answer with a clear message instead of failing at start-up.
 */
import Stripe from "stripe";
import { env } from "../env.js";

let cached: Stripe | null | undefined;

/** Where API calls go: api.stripe.com, or STRIPE_API_BASE (a local stand-in in tests). */
function connection(): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!env.STRIPE_API_BASE) return {};
  const url = new URL(env.STRIPE_API_BASE);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

/** The process-wide Stripe client, or null when STRIPE_SECRET_KEY is not set. */
export function stripeClient(): Stripe | null {
  if (cached !== undefined) return cached;
  cached = env.STRIPE_SECRET_KEY
    ? new Stripe(env.STRIPE_SECRET_KEY, {
        ...connection(),
        // One retry with Stripe's idempotency key; a checkout click should not hang for 80 s.
        maxNetworkRetries: 1,
        timeout: 20_000,
        telemetry: false,
      })
    : null;
  return cached;
}

/** The webhook signing secret, or null when webhooks are not configured. */
export function stripeWebhookSecret(): string | null {
  return env.STRIPE_WEBHOOK_SECRET ?? null;
}

/** The base URL Checkout sends customers back to. */
export function appBaseUrl(): string {
  return env.APP_URL.replace(/\/+$/, "");
}
