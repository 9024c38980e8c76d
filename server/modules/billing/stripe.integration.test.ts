/**
 * Stripe top-ups end to end with the real SDK: Checkout Sessions go to a local HTTP server
 * that answers like api.stripe.com (so the form the SDK sends is checked), and webhooks are
 * signed with the SDK's own test-header helper. App modules are imported after the Stripe
 * variables are set, because server/env.js reads the environment once, on first import.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { balanceOf, billingRowCounts } from "@/tests/fixtures/seed-billing";

const WEBHOOK_SECRET = "whsec_local_test_secret_0123456789";
const sdk = new Stripe("sk_test_signing_only");
type Captured = { method: string; path: string; auth: string | undefined; form: URLSearchParams };
const captured: Captured[] = [];
let server: http.Server;
let app: {
  callerFor: typeof import("@/tests/fixtures/seed-tenant").callerFor;
  applyStripeEvent: typeof import("./system/stripe-webhook").applyStripeEvent;
  POST: typeof import("@/app/api/webhooks/stripe/route").POST;
};
let tenantId: string;
let admin: Awaited<ReturnType<typeof app.callerFor>>;

/** A Stripe-shaped answer to POST /v1/checkout/sessions, echoing what was asked. */
function fakeStripe(req: http.IncomingMessage, res: http.ServerResponse) {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const form = new URLSearchParams(body);
    captured.push({ method: req.method ?? "", path: req.url ?? "", auth: req.headers.authorization, form });
    res.setHeader("content-type", "application/json");
    if (req.method !== "POST" || req.url !== "/v1/checkout/sessions") {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${req.url})` } }));
      return;
    }
    const id = `cs_test_${captured.length}`;
    res.end(JSON.stringify({ id, object: "checkout.session", mode: form.get("mode"), url: `https://checkout.stripe.test/c/pay/${id}`, payment_status: "unpaid", metadata: {} }));
  });
}

function signedEvent(event: { id: string; type: string; session: Record<string, unknown> }) {
  const payload = JSON.stringify({ id: event.id, object: "event", type: event.type, data: { object: { object: "checkout.session", ...event.session } } });
  return { payload, signature: sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
}
const paidSession = (id: string, amountTotal = 2550) => ({ id, payment_status: "paid", amount_total: amountTotal, currency: "gbp", metadata: { tenantId } });

beforeAll(async () => {
  server = http.createServer(fakeStripe);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.STRIPE_SECRET_KEY = "sk_test_local_server";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = "https://portal.test/";
  const fixtures = await import("@/tests/fixtures/seed-tenant");
  app = { callerFor: fixtures.callerFor, applyStripeEvent: (await import("./system/stripe-webhook")).applyStripeEvent, POST: (await import("@/app/api/webhooks/stripe/route")).POST };
  const { partner } = await fixtures.seedPartner();
  const seeded = await fixtures.seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  tenantId = seeded.tenant.id;
  admin = await app.callerFor(seeded.admin.id);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("[BILLING] Stripe top-up", () => {
  it("opens a Checkout Session with the right form fields and writes nothing yet", async () => {
    const result = await admin.billing.topUp({ amount: "25.50" });
    expect(result.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_\d+$/);
    const call = captured.at(-1)!;
    expect([call.method, call.path, call.auth]).toEqual(["POST", "/v1/checkout/sessions", "Bearer sk_test_local_server"]);
    expect(Object.fromEntries(call.form)).toMatchObject({
      mode: "payment",
      client_reference_id: tenantId,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "gbp",
      "line_items[0][price_data][unit_amount]": "2550",
      "metadata[tenantId]": tenantId,
      "metadata[amount]": "25.50",
      "metadata[currency]": "GBP",
      success_url: "https://portal.test/billing?topUp=success&session={CHECKOUT_SESSION_ID}",
      cancel_url: "https://portal.test/billing?topUp=cancelled",
    });
    expect(await billingRowCounts(tenantId)).toMatchObject({ entries: 0 });
  });

  it("refuses amounts outside 5..5000 before calling Stripe", async () => {
    const before = captured.length;
    await expect(admin.billing.topUp({ amount: "4.99" })).rejects.toThrow(/from 5 to 5000/);
    await expect(admin.billing.topUp({ amount: "5000.01" })).rejects.toThrow(/from 5 to 5000/);
    expect(captured.length).toBe(before);
  });
});

describe("[BILLING] Stripe webhook", () => {
  it("applies a paid session once, however often (and however concurrently) the event is replayed", async () => {
    const { payload, signature } = signedEvent({ id: "evt_paid_1", type: "checkout.session.completed", session: paidSession("cs_paid_1") });
    const first = await app.applyStripeEvent(payload, signature);
    const replays = await Promise.all([app.applyStripeEvent(payload, signature), app.applyStripeEvent(payload, signature)]);
    expect(first).toEqual({ status: 200, body: { received: true, result: "applied" } });
    expect(replays.map((r) => r.body.result)).toEqual(["duplicate", "duplicate"]);
    expect(await balanceOf(tenantId)).toBe("25.5");
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_paid_1" } })).toMatchObject({ tenantId });
  });

  it("credits a session once even when two different events report it paid", async () => {
    const before = await balanceOf(tenantId);
    const completed = signedEvent({ id: "evt_pending", type: "checkout.session.completed", session: { ...paidSession("cs_async"), payment_status: "unpaid" } });
    expect((await app.applyStripeEvent(completed.payload, completed.signature)).body.result).toBe("ignored");
    expect(await balanceOf(tenantId)).toBe(before);
    for (const id of ["evt_async_ok", "evt_async_ok_again"]) {
      const paid = signedEvent({ id, type: "checkout.session.async_payment_succeeded", session: paidSession("cs_async", 1000) });
      await app.applyStripeEvent(paid.payload, paid.signature);
    }
    expect(new Prisma.Decimal(await balanceOf(tenantId)).minus(before).toString()).toBe("10");
  });

  it("refuses a bad or missing signature with 400 and changes nothing", async () => {
    const before = await billingRowCounts(tenantId);
    const events = await db.stripeEvent.count();
    const good = signedEvent({ id: "evt_forged", type: "checkout.session.completed", session: paidSession("cs_forged", 999_999) });
    const otherSecret = sdk.webhooks.generateTestHeaderString({ payload: good.payload, secret: "whsec_someone_else_0123456789" });
    const tampered = good.payload.replace("999999", "999998");
    for (const [payload, signature] of [[good.payload, otherSecret], [tampered, good.signature], [good.payload, null], [good.payload, "t=1,v1=deadbeef"]] as const) {
      expect((await app.applyStripeEvent(payload, signature)).status).toBe(400);
    }
    expect(await billingRowCounts(tenantId)).toEqual(before);
    expect(await db.stripeEvent.count()).toBe(events);
  });

  it("answers over HTTP from the route: 400 unsigned, 200 signed, from the raw body", async () => {
    const { payload, signature } = signedEvent({ id: "evt_route", type: "checkout.session.completed", session: paidSession("cs_route", 500) });
    const post = (headers: Record<string, string>) => app.POST(new Request("http://portal.test/api/webhooks/stripe", { method: "POST", body: payload, headers }));
    expect((await post({})).status).toBe(400);
    const ok = await post({ "stripe-signature": signature, "content-type": "application/json" });
    expect([ok.status, await ok.json()]).toEqual([200, { received: true, result: "applied" }]);
  });

  it("records but ignores events it does not handle, and sessions for unknown customers", async () => {
    const other = signedEvent({ id: "evt_other", type: "customer.created", session: {} });
    expect((await app.applyStripeEvent(other.payload, other.signature)).body.result).toBe("ignored");
    const stranger = signedEvent({ id: "evt_stranger", type: "checkout.session.completed", session: { ...paidSession("cs_stranger"), metadata: { tenantId: "no-such-tenant" } } });
    expect((await app.applyStripeEvent(stranger.payload, stranger.signature)).body.result).toBe("ignored");
    expect(await db.ledgerEntry.count({ where: { reference: "cs_stranger" } })).toBe(0);
  });
});
