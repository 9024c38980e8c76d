/**
 * Opening a card top-up with the real Stripe SDK against a local stand-in for api.stripe.com:
 * the top-up is recorded first, the Checkout Session Stripe is asked for agrees with the
 * record, and a failure at Stripe leaves nothing pending.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { billingRowCounts } from "@/tests/fixtures/seed-billing";
import { paidSession, signedSessionEvent, startLocalStripe, type LocalStripe } from "@/tests/fixtures/stripe-local";

type Caller = Awaited<ReturnType<typeof import("@/tests/fixtures/seed-tenant").callerFor>>;
let stripe: LocalStripe;
let applyStripeEvent: typeof import("./system/stripe-webhook").applyStripeEvent;
// Imported after the Stripe variables are set: it loads the router, and with it server/env.js.
let expectTrpcError: typeof import("@/tests/fixtures/procedures").expectTrpcError;
let tenantId: string;
let adminId: string;
let admin: Caller;
let yenAdmin: Caller;

beforeAll(async () => {
  stripe = await startLocalStripe();
  const fixtures = await import("@/tests/fixtures/seed-tenant");
  applyStripeEvent = (await import("./system/stripe-webhook")).applyStripeEvent;
  expectTrpcError = (await import("@/tests/fixtures/procedures")).expectTrpcError;
  const { partner } = await fixtures.seedPartner();
  const seeded = await fixtures.seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  [tenantId, adminId] = [seeded.tenant.id, seeded.admin.id];
  admin = await fixtures.callerFor(seeded.admin.id);
  const yen = await db.partner.create({ data: { name: "Tokyo Telecom", currency: "JPY" } });
  yenAdmin = await fixtures.callerFor((await fixtures.seedTenant({ partnerId: yen.id, extensionUsers: 0 })).admin.id);
});
afterAll(() => stripe.close());

describe("[BILLING] opening a Stripe top-up", () => {
  it("records a pending top-up, then opens a Checkout Session that agrees with it", async () => {
    const result = await admin.billing.topUp({ amount: "25.50" });
    expect(result.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_\d+$/);
    const topUp = await db.topUp.findUniqueOrThrow({ where: { stripeSessionId: result.sessionId } });
    expect(topUp).toMatchObject({ tenantId, currency: "GBP", amountMinor: 2550, status: "PENDING", requestedByUserId: adminId, refusalReason: null, ledgerEntryId: null });
    expect(topUp.amount.toString()).toBe("25.5");
    const call = stripe.captured.at(-1)!;
    // Stripe's idempotency key is the record's: a retried request finds the same session.
    expect([call.method, call.path, call.auth, call.idempotencyKey]).toEqual(["POST", "/v1/checkout/sessions", "Bearer sk_test_local_server", `top-up:${topUp.id}`]);
    expect(Object.fromEntries(call.form)).toMatchObject({
      mode: "payment",
      client_reference_id: tenantId,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "gbp",
      "line_items[0][price_data][unit_amount]": "2550",
      "metadata[topUpId]": topUp.id,
      "metadata[amount]": "25.50",
      "metadata[currency]": "GBP",
      success_url: "https://portal.test/billing?topUp=success&session={CHECKOUT_SESSION_ID}",
      cancel_url: "https://portal.test/billing?topUp=cancelled",
    });
    expect(await billingRowCounts(tenantId)).toMatchObject({ entries: 0 });
    const listed = (await admin.billing.topUps()).find((t) => t.id === topUp.id);
    expect(listed).toMatchObject({ status: "PENDING", amount: "25.5", currency: "GBP", stripeSessionId: result.sessionId });
    expect(listed?.requestedByName).toEqual(expect.any(String));
  });

  it("asks in minor units of the partner's currency, and refuses decimals the currency does not have", async () => {
    const { sessionId } = await yenAdmin.billing.topUp({ amount: "2500" });
    expect(await db.topUp.findUniqueOrThrow({ where: { stripeSessionId: sessionId } })).toMatchObject({ currency: "JPY", amountMinor: 2500 });
    expect(Object.fromEntries(stripe.captured.at(-1)!.form)).toMatchObject({ "line_items[0][price_data][currency]": "jpy", "line_items[0][price_data][unit_amount]": "2500" });
    const [requests, topUps] = [stripe.captured.length, await db.topUp.count()];
    await expectTrpcError(yenAdmin.billing.topUp({ amount: "25.50" }), "BAD_REQUEST");
    expect([stripe.captured.length, await db.topUp.count()]).toEqual([requests, topUps]);
  });

  it("refuses amounts outside 5..5000 before recording anything or calling Stripe", async () => {
    const [requests, topUps] = [stripe.captured.length, await db.topUp.count()];
    await expect(admin.billing.topUp({ amount: "4.99" })).rejects.toThrow(/from 5 to 5000/);
    await expect(admin.billing.topUp({ amount: "5000.01" })).rejects.toThrow(/from 5 to 5000/);
    expect([stripe.captured.length, await db.topUp.count()]).toEqual([requests, topUps]);
  });

  it("leaves nothing pending when Stripe refuses, or offers a session for another amount", async () => {
    for (const answer of ["error", "otherAmount"] as const) {
      const topUps = await db.topUp.count();
      stripe.answerNext(answer);
      await expectTrpcError(admin.billing.topUp({ amount: "10" }), "BAD_GATEWAY");
      expect(await db.topUp.count(), answer).toBe(topUps);
    }
    // The session offered for another amount was never shown; paid anyway, it is unknown to us.
    const strayId = `cs_test_${stripe.captured.length}`;
    const { payload, signature } = signedSessionEvent({ id: "evt_stray", type: "checkout.session.completed", session: paidSession(strayId, 1120, { metadata: { tenantId } }) });
    expect((await applyStripeEvent(payload, signature)).body.result).toBe("refused");
    expect(await billingRowCounts(tenantId)).toMatchObject({ entries: 0 });
  });
});
