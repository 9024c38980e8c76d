/**
 * The Stripe webhook end to end with the real SDK: top-ups are opened through the real
 * procedure against a local stand-in for api.stripe.com, and events are signed with the SDK's
 * own test-header helper. Only a recorded, pending top-up whose session, amount and currency
 * match is credited, once; everything else signed and paid is refused and recorded.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { balanceOf, billingRowCounts } from "@/tests/fixtures/seed-billing";
import { paidSession, signedSessionEvent, signPayload, startLocalStripe, type LocalStripe } from "@/tests/fixtures/stripe-local";

let stripe: LocalStripe;
let app: {
  applyStripeEvent: typeof import("./system/stripe-webhook").applyStripeEvent;
  POST: typeof import("@/app/api/webhooks/stripe/route").POST;
};
let acmeId: string;
let globexId: string;
let acmeAdmin: Awaited<ReturnType<typeof import("@/tests/fixtures/seed-tenant").callerFor>>;

/** A top-up Acme's admin really opened: recorded, with a Checkout Session at the local Stripe. */
async function openTopUp(amount: string) {
  const { sessionId } = await acmeAdmin.billing.topUp({ amount });
  return db.topUp.findUniqueOrThrow({ where: { stripeSessionId: sessionId } });
}
const deliver = (event: Parameters<typeof signedSessionEvent>[0]) => {
  const { payload, signature } = signedSessionEvent(event);
  return app.applyStripeEvent(payload, signature);
};
const completed = (id: string, session: Record<string, unknown>) => deliver({ id, type: "checkout.session.completed", session });
const refusalOf = (stripeEventId: string) => db.topUpRefusal.findUniqueOrThrow({ where: { stripeEventId } });

beforeAll(async () => {
  stripe = await startLocalStripe();
  const fixtures = await import("@/tests/fixtures/seed-tenant");
  app = { applyStripeEvent: (await import("./system/stripe-webhook")).applyStripeEvent, POST: (await import("@/app/api/webhooks/stripe/route")).POST };
  const { acme, globex } = await fixtures.seedTwoTenants();
  [acmeId, globexId] = [acme.tenant.id, globex.tenant.id];
  acmeAdmin = await fixtures.callerFor(acme.admin.id);
});
afterAll(() => stripe.close());

describe("[BILLING] Stripe webhook credits what was recorded, once", () => {
  it("credits a recorded top-up once, however often (and however concurrently) the event is replayed", async () => {
    const topUp = await openTopUp("25.50");
    const event = signedSessionEvent({ id: "evt_paid_1", type: "checkout.session.completed", session: paidSession(topUp.stripeSessionId!, 2550) });
    const first = await app.applyStripeEvent(event.payload, event.signature);
    const replays = await Promise.all([app.applyStripeEvent(event.payload, event.signature), app.applyStripeEvent(event.payload, event.signature)]);
    expect(first).toEqual({ status: 200, body: { received: true, result: "applied" } });
    expect(replays.map((r) => r.body.result)).toEqual(["duplicate", "duplicate"]);
    expect(await balanceOf(acmeId)).toBe("25.5");
    const credited = await db.topUp.findUniqueOrThrow({ where: { id: topUp.id }, include: { refusals: true } });
    expect(credited).toMatchObject({ status: "CREDITED", refusalReason: null, refusals: [] });
    expect(await db.ledgerEntry.findUniqueOrThrow({ where: { id: credited.ledgerEntryId! } })).toMatchObject({ tenantId: acmeId, kind: "CREDIT_STRIPE", reference: topUp.stripeSessionId });
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_paid_1" } })).toMatchObject({ tenantId: acmeId });
  });

  it("credits once when completed and async_payment_succeeded both report one session paid, even at the same moment", async () => {
    const topUp = await openTopUp("10");
    const before = await balanceOf(acmeId);
    // A bank debit: the session completes unpaid and the top-up stays pending.
    expect((await completed("evt_async_pending", paidSession(topUp.stripeSessionId!, 1000, { payment_status: "unpaid" }))).body.result).toBe("ignored");
    expect((await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).status).toBe("PENDING");
    const results = await Promise.all([
      deliver({ id: "evt_async_ok", type: "checkout.session.async_payment_succeeded", session: paidSession(topUp.stripeSessionId!, 1000) }),
      completed("evt_async_completed_paid", paidSession(topUp.stripeSessionId!, 1000)),
    ]);
    expect(results.map((r) => r.body.result).sort()).toEqual(["applied", "refused"]);
    expect(new Prisma.Decimal(await balanceOf(acmeId)).minus(before).toString()).toBe("10");
    const refusals = await db.topUpRefusal.findMany({ where: { topUpId: topUp.id } });
    expect(refusals.map((r) => [r.reason, r.tenantId])).toEqual([["ALREADY_CREDITED", acmeId]]);
  });

  it("credits the tenant of the record, never the one the session's metadata or client_reference_id names", async () => {
    const topUp = await openTopUp("7");
    const [acmeBefore, globexBefore] = [await balanceOf(acmeId), await balanceOf(globexId)];
    const session = paidSession(topUp.stripeSessionId!, 700, { metadata: { tenantId: globexId }, client_reference_id: globexId });
    expect((await completed("evt_claims_globex", session)).body.result).toBe("applied");
    expect(new Prisma.Decimal(await balanceOf(acmeId)).minus(acmeBefore).toString()).toBe("7");
    expect(await balanceOf(globexId)).toBe(globexBefore);
  });
});

describe("[BILLING] Stripe webhook refuses, records and credits nothing", () => {
  it("refuses a payment in another currency, then refuses the right one too: the top-up is settled", async () => {
    const topUp = await openTopUp("25");
    const before = await billingRowCounts(acmeId);
    const jpy = await completed("evt_jpy", paidSession(topUp.stripeSessionId!, 2500, { currency: "jpy" }));
    expect(jpy).toEqual({ status: 200, body: { received: true, result: "refused" } });
    expect(await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).toMatchObject({ status: "REFUSED", refusalReason: "CURRENCY_MISMATCH", ledgerEntryId: null });
    expect(await refusalOf("evt_jpy")).toMatchObject({ reason: "CURRENCY_MISMATCH", topUpId: topUp.id, tenantId: acmeId, reportedAmountMinor: 2500n, reportedCurrency: "JPY" });
    expect((await completed("evt_gbp_after_jpy", paidSession(topUp.stripeSessionId!, 2500))).body.result).toBe("refused");
    expect((await refusalOf("evt_gbp_after_jpy")).reason).toBe("ALREADY_REFUSED");
    expect(await billingRowCounts(acmeId)).toEqual(before);
  });

  it("refuses an amount that differs from the record, less or more", async () => {
    const before = await billingRowCounts(acmeId);
    for (const [eventId, paid] of [["evt_less", 2549], ["evt_more", 255_000]] as const) {
      const topUp = await openTopUp("25.50");
      expect((await completed(eventId, paidSession(topUp.stripeSessionId!, paid))).body.result).toBe("refused");
      expect(await refusalOf(eventId)).toMatchObject({ reason: "AMOUNT_MISMATCH", reportedAmountMinor: BigInt(paid), tenantId: acmeId });
      expect((await db.topUp.findUniqueOrThrow({ where: { id: topUp.id } })).status).toBe("REFUSED");
    }
    expect(await billingRowCounts(acmeId)).toEqual(before);
  });

  it("refuses a negative, missing or fractional amount, and never writes a negative credit", async () => {
    const before = await billingRowCounts(acmeId);
    for (const [eventId, amount] of [["evt_negative", -2550], ["evt_no_amount", null], ["evt_fraction", 2549.5]] as const) {
      const topUp = await openTopUp("25.50");
      expect((await completed(eventId, paidSession(topUp.stripeSessionId!, 0, { amount_total: amount }))).body.result).toBe("refused");
      expect((await refusalOf(eventId)).reason).toBe("INVALID_AMOUNT");
    }
    expect((await refusalOf("evt_negative")).reportedAmountMinor).toBe(-2550n);
    expect(await db.ledgerEntry.count({ where: { amount: { lt: 0 }, kind: "CREDIT_STRIPE" } })).toBe(0);
    expect(await billingRowCounts(acmeId)).toEqual(before);
  });

  it("refuses a paid session we never created, whatever tenants it names, and credits nobody", async () => {
    const [acmeBefore, globexBefore] = [await billingRowCounts(acmeId), await billingRowCounts(globexId)];
    // A payment link or another integration on the same Stripe account.
    const stranger = paidSession("cs_payment_link", 99_900, { metadata: { tenantId: globexId }, client_reference_id: acmeId });
    expect((await completed("evt_stranger", stranger)).body.result).toBe("refused");
    expect(await refusalOf("evt_stranger")).toMatchObject({ reason: "UNKNOWN_SESSION", topUpId: null, tenantId: null, claimedTenantIds: [globexId, acmeId], reportedAmountMinor: 99_900n });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: "evt_stranger" } })).toMatchObject({ tenantId: null });
    expect([await billingRowCounts(acmeId), await billingRowCounts(globexId)]).toEqual([acmeBefore, globexBefore]);
  });

  it("never credits a top-up a crash left without a session, nor lists it", async () => {
    // What a crash between recording and Stripe's answer leaves behind.
    const orphan = await db.topUp.create({ data: { tenantId: acmeId, amount: "30", currency: "GBP", amountMinor: 3000 } });
    const before = await billingRowCounts(acmeId);
    expect((await completed("evt_orphan", paidSession("cs_made_before_the_crash", 3000, { metadata: { tenantId: acmeId, topUpId: orphan.id } }))).body.result).toBe("refused");
    expect((await refusalOf("evt_orphan")).reason).toBe("UNKNOWN_SESSION");
    expect((await db.topUp.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe("PENDING");
    expect((await acmeAdmin.billing.topUps()).map((t) => t.id)).not.toContain(orphan.id);
    expect(await billingRowCounts(acmeId)).toEqual(before);
  });
});

describe("[BILLING] Stripe webhook answers", () => {
  it("acknowledges a signed event without data.object, or with a malformed one, logs one line each and changes nothing", async () => {
    const type = "checkout.session.completed";
    const bodies = [
      JSON.stringify({ id: "evt_no_data", object: "event", type }),
      JSON.stringify({ id: "evt_no_object", object: "event", type, data: {} }),
      JSON.stringify({ id: "evt_null_object", object: "event", type, data: { object: null } }),
      JSON.stringify({ id: "evt_no_session_id", object: "event", type, data: { object: { object: "checkout.session", payment_status: "paid", amount_total: 2550, currency: "gbp" } } }),
      JSON.stringify({ id: "evt_number_id", object: "event", type, data: { object: { object: "checkout.session", id: 42, payment_status: "paid" } } }),
      JSON.stringify({ id: "evt_text_amount", object: "event", type, data: { object: { object: "checkout.session", id: "cs_x", payment_status: "paid", amount_total: "2550" } } }),
      JSON.stringify({ id: "evt_list_metadata", object: "event", type, data: { object: { object: "checkout.session", id: "cs_x", payment_status: "paid", metadata: [] } } }),
      JSON.stringify({ id: "evt_nul", object: "event", type, data: { object: { object: "checkout.session", id: "cs_\u0000", payment_status: "paid" } } }),
      JSON.stringify({ object: "event", type, data: { object: {} } }),
      "null",
      "[]",
      "not json at all",
    ];
    const before = { events: await db.stripeEvent.count(), refusals: await db.topUpRefusal.count(), entries: await db.ledgerEntry.count(), topUps: await db.topUp.findMany({ orderBy: { id: "asc" } }) };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (const body of bodies) {
        const { payload, signature } = signPayload(body);
        expect(await app.applyStripeEvent(payload, signature), body).toEqual({ status: 200, body: { received: true, result: "ignored" } });
      }
      expect(warn).toHaveBeenCalledTimes(bodies.length);
    } finally {
      warn.mockRestore();
    }
    expect({ events: await db.stripeEvent.count(), refusals: await db.topUpRefusal.count(), entries: await db.ledgerEntry.count(), topUps: await db.topUp.findMany({ orderBy: { id: "asc" } }) }).toEqual(before);
  });

  it("refuses a bad or missing signature with 400 and changes nothing", async () => {
    const topUp = await openTopUp("5");
    const before = await billingRowCounts(acmeId);
    const events = await db.stripeEvent.count();
    const good = signedSessionEvent({ id: "evt_forged", type: "checkout.session.completed", session: paidSession(topUp.stripeSessionId!, 500) });
    const otherSecret = signPayload(good.payload, "whsec_someone_else_0123456789").signature;
    const tampered = good.payload.replace('"amount_total":500', '"amount_total":501');
    for (const [payload, signature] of [[good.payload, otherSecret], [tampered, good.signature], [good.payload, null], [good.payload, "t=1,v1=deadbeef"]] as const) {
      expect((await app.applyStripeEvent(payload, signature)).status).toBe(400);
    }
    expect(await billingRowCounts(acmeId)).toEqual(before);
    expect(await db.stripeEvent.count()).toBe(events);
  });

  it("answers over HTTP from the route: 400 unsigned, 200 signed, from the raw body", async () => {
    const topUp = await openTopUp("5");
    const { payload, signature } = signedSessionEvent({ id: "evt_route", type: "checkout.session.completed", session: paidSession(topUp.stripeSessionId!, 500) });
    const post = (headers: Record<string, string>) => app.POST(new Request("http://portal.test/api/webhooks/stripe", { method: "POST", body: payload, headers }));
    expect((await post({})).status).toBe(400);
    const ok = await post({ "stripe-signature": signature, "content-type": "application/json" });
    expect([ok.status, await ok.json()]).toEqual([200, { received: true, result: "applied" }]);
  });

  it("records but ignores events it does not handle", async () => {
    const other = signPayload(JSON.stringify({ id: "evt_other", object: "event", type: "customer.created", data: { object: { object: "customer" } } }));
    expect((await app.applyStripeEvent(other.payload, other.signature)).body.result).toBe("ignored");
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_other" } })).toMatchObject({ type: "customer.created" });
  });
});
