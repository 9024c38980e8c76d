import { applyStripeEvent } from "@/server/modules/billing/system/stripe-webhook";

// The signature covers the exact bytes Stripe sent, so the body is read raw, never parsed first.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const rawBody = Buffer.from(await request.arrayBuffer());
  const outcome = await applyStripeEvent(rawBody, request.headers.get("stripe-signature"));
  return Response.json(outcome.body, { status: outcome.status });
}
