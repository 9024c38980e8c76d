/**
 * Who sees a refused card payment: the partner of the customer whose recorded top-up it was;
 * for a session we never created, the partner of a customer it names (marked unverified) and
 * the platform admin. Refusals are made by the real webhook from signed events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { paidSession, signedSessionEvent, startLocalStripe, type LocalStripe } from "@/tests/fixtures/stripe-local";

type Fixtures = typeof import("@/tests/fixtures/seed-tenant");
type Caller = Awaited<ReturnType<Fixtures["callerFor"]>>;
let stripe: LocalStripe;
let applyStripeEvent: typeof import("../system/stripe-webhook").applyStripeEvent;
let world: Awaited<ReturnType<Fixtures["seedTwoTenants"]>>;
let callers: { acme: Caller; partner: Caller; rival: Caller; platform: Caller };
let rivalCustomerId: string;
let topUpId: string;

async function deliver(id: string, session: Record<string, unknown>) {
  const { payload, signature } = signedSessionEvent({ id, type: "checkout.session.completed", session });
  expect((await applyStripeEvent(payload, signature)).body.result).toBe("refused");
}

beforeAll(async () => {
  stripe = await startLocalStripe();
  const fixtures: Fixtures = await import("@/tests/fixtures/seed-tenant");
  applyStripeEvent = (await import("../system/stripe-webhook")).applyStripeEvent;
  world = await fixtures.seedTwoTenants();
  const rival = await fixtures.seedPartner("Rival Telecom");
  rivalCustomerId = (await fixtures.seedTenant({ partnerId: rival.partner.id, name: "Initech", extensionUsers: 0 })).tenant.id;
  callers = {
    acme: await fixtures.callerFor(world.acme.admin.id),
    partner: await fixtures.callerFor(world.partnerAdmin.id),
    rival: await fixtures.callerFor(rival.admin.id),
    platform: await fixtures.callerFor((await fixtures.seedUser({ role: "PLATFORM_ADMIN" })).id),
  };
  const { sessionId } = await callers.acme.billing.topUp({ amount: "25" });
  topUpId = (await db.topUp.findUniqueOrThrow({ where: { stripeSessionId: sessionId } })).id;
  // Acme's own top-up, paid in yen; then sessions we never created, naming Acme, Initech, nobody.
  await deliver("evt_acme_jpy", paidSession(sessionId, 2500, { currency: "jpy" }));
  await deliver("evt_claims_acme", paidSession("cs_link_acme", 4200, { metadata: { tenantId: world.acme.tenant.id } }));
  await deliver("evt_claims_initech", paidSession("cs_link_initech", 1500, { client_reference_id: rivalCustomerId }));
  await deliver("evt_claims_nobody", paidSession("cs_link_nobody", 999, { metadata: { tenantId: "not-a-customer" } }));
});
afterAll(() => stripe.close());

describe("[BILLING] refused card payments in the back office", () => {
  it("shows the partner its customer's refusal, and an unknown session naming that customer as unverified", async () => {
    const rows = await callers.partner.admin.billing.topUpRefusals({ tenantId: world.acme.tenant.id });
    expect(rows.map((r) => [r.stripeSessionId === "cs_link_acme" ? "link" : "own", r.reason, r.isVerified, r.reported, r.expected])).toEqual([
      ["link", "UNKNOWN_SESSION", false, { amount: "42", amountMinor: "4200", currency: "GBP" }, null],
      ["own", "CURRENCY_MISMATCH", true, { amount: "2500", amountMinor: "2500", currency: "JPY" }, { amount: "25", currency: "GBP" }],
    ]);
    expect(await callers.partner.admin.billing.topUpRefusals({ tenantId: world.globex.tenant.id })).toEqual([]);
  });

  it("shows the partner and the customer the top-up as refused, with its reason", async () => {
    const expected = { id: topUpId, status: "REFUSED", refusalReason: "CURRENCY_MISMATCH", amount: "25", currency: "GBP" };
    expect((await callers.partner.admin.billing.topUps({ tenantId: world.acme.tenant.id })).find((t) => t.id === topUpId)).toMatchObject(expected);
    expect((await callers.acme.billing.topUps()).find((t) => t.id === topUpId)).toMatchObject(expected);
  });

  it("keeps each partner to its own customers' refusals", async () => {
    const rivalRows = await callers.rival.admin.billing.topUpRefusals({ tenantId: rivalCustomerId });
    expect(rivalRows.map((r) => [r.stripeSessionId, r.isVerified])).toEqual([["cs_link_initech", false]]);
    await expect(callers.rival.admin.billing.topUpRefusals({ tenantId: world.acme.tenant.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callers.partner.admin.billing.topUpRefusals({ tenantId: rivalCustomerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the platform admin every refusal, with the customer it belongs to or claims", async () => {
    const rows = await callers.platform.admin.topUpRefusal.find();
    const bySession = Object.fromEntries(rows.map((r) => [r.stripeSessionId, r]));
    expect(rows).toHaveLength(4);
    expect(bySession["cs_link_nobody"]).toMatchObject({ isVerified: false, customer: null, claimedCustomers: [{ id: "not-a-customer", name: null, partnerName: null }] });
    expect(bySession["cs_link_initech"]).toMatchObject({ customer: null, claimedCustomers: [{ id: rivalCustomerId, name: "Initech", partnerName: "Rival Telecom" }] });
    expect(rows.find((r) => r.isVerified)).toMatchObject({ reason: "CURRENCY_MISMATCH", customer: { id: world.acme.tenant.id, name: "Acme Ltd" }, claimedCustomers: [] });
    await expect(callers.partner.admin.topUpRefusal.find()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
