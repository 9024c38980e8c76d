import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { BRIEF_BANDS, balanceOf } from "@/tests/fixtures/seed-billing";
import { expectTrpcError } from "@/tests/fixtures/procedures";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;
type Caller = Awaited<ReturnType<typeof callerFor>>;

const plan = (name: string, extra: Partial<{ isDefault: boolean; setupFee: string; bands: typeof BRIEF_BANDS }> = {}) => ({
  name, accountType: "CENTREX_LINE" as const, currency: "gbp", setupFee: "0", isDefault: false, bands: BRIEF_BANDS, ...extra,
});

describe("[BILLING] account plans (partner back office)", () => {
  let world: World;
  let partner: Caller;
  let acme: Caller;
  beforeAll(async () => {
    world = await seedTwoTenants();
    partner = await callerFor(world.partnerAdmin.id);
    acme = await callerFor(world.acme.admin.id);
  });

  it("refuses invalid bands, naming each band", async () => {
    const bad = plan("Broken", { bands: [{ minQuantity: 1, maxQuantity: 5, monthlyPrice: "5.99" }, { minQuantity: 7, maxQuantity: 10, monthlyPrice: "-1" }] });
    const err = await partner.accountPlan.create(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    const messages = (err as TRPCError).message;
    expect(messages).toContain("Band 2: starts at 7, leaving 6 without a price; start it at 6.");
    expect(messages).toContain("Band 2: the monthly price must not be negative.");
    expect(messages).toContain("Band 2: the last band must be open-ended");
    expect(await db.accountPlan.count()).toBe(0);
  });

  it("makes the first plan of a type the default, switches defaults, and refuses to delete the default", async () => {
    const first = await partner.accountPlan.create(plan("Standard"));
    expect([first.isDefault, first.currency, first.bands.map((b) => b.label)]).toEqual([true, "GBP", ["1–5", "6–10", "11 and above"]]);
    const second = await partner.accountPlan.create(plan("Cheap", { isDefault: true }));
    expect((await partner.accountPlan.find()).filter((p) => p.isDefault).map((p) => p.id)).toEqual([second.id]);
    await expectTrpcError(partner.accountPlan.delete({ id: second.id }), "CONFLICT");
    await partner.accountPlan.setDefault({ id: first.id });
    await partner.accountPlan.delete({ id: second.id });
    expect((await partner.accountPlan.find()).map((p) => p.id)).toEqual([first.id]);
    expect(await db.auditLog.count({ where: { action: { startsWith: "accountPlan." } } })).toBe(4);
  });

  it("replaces all bands on update, and the customer's quote follows", async () => {
    const [standard] = await partner.accountPlan.find({ accountType: "CENTREX_LINE" });
    await partner.accountPlan.update({ id: standard!.id, name: "Standard", currency: "GBP", setupFee: "1", bands: [{ minQuantity: 1, maxQuantity: null, monthlyPrice: "2.5" }] });
    expect((await partner.accountPlan.get({ id: standard!.id })).bands.map((b) => [b.label, b.monthlyPrice])).toEqual([["1 and above", "2.5"]]);
    expect(await acme.billing.quote({ accountType: "CENTREX_LINE", quantity: 2 })).toMatchObject({ unitPrice: "2.5", total: "7" });
  });

  it("gives a customer its own plan and takes it back", async () => {
    const own = await partner.accountPlan.create(plan("Acme special", { bands: [{ minQuantity: 1, maxQuantity: null, monthlyPrice: "1" }] }));
    await partner.accountPlan.assignToCustomer({ tenantId: world.acme.tenant.id, accountType: "CENTREX_LINE", planId: own.id });
    expect((await acme.billing.quote({ accountType: "CENTREX_LINE", quantity: 1 })).unitPrice).toBe("1");
    expect((await (await callerFor(world.globex.admin.id)).billing.quote({ accountType: "CENTREX_LINE", quantity: 1 })).unitPrice).toBe("2.5");
    await expectTrpcError(partner.accountPlan.setDefault({ id: own.id }), "CONFLICT");
    await partner.accountPlan.assignToCustomer({ tenantId: world.acme.tenant.id, accountType: "CENTREX_LINE", planId: null });
    expect((await acme.billing.quote({ accountType: "CENTREX_LINE", quantity: 1 })).unitPrice).toBe("2.5");
  });

  it("reads and sets the re-pricing policy, audited", async () => {
    expect(await partner.accountPlan.getPolicy()).toEqual({ currency: "GBP", repriceExistingOnBandChange: false });
    await partner.accountPlan.setPolicy({ repriceExistingOnBandChange: true });
    expect((await partner.accountPlan.getPolicy()).repriceExistingOnBandChange).toBe(true);
    expect(await db.auditLog.count({ where: { action: "partner.setBillingPolicy" } })).toBe(1);
  });
});

describe("[BILLING] partner credits and customer books", () => {
  let world: World;
  let partner: Caller;
  beforeAll(async () => {
    world = await seedTwoTenants();
    partner = await callerFor(world.partnerAdmin.id);
  });

  it("credits once per key, even when the request is sent twice at once", async () => {
    const input = { tenantId: world.acme.tenant.id, amount: "40", reason: "Goodwill after outage", idempotencyKey: randomUUID() };
    const [a, b] = await Promise.all([partner.admin.billing.credit(input), partner.admin.billing.credit(input)]);
    expect(a).toEqual(b);
    expect(await partner.admin.billing.credit(input)).toEqual(a);
    expect(await balanceOf(world.acme.tenant.id)).toBe("40");
    expect(await db.auditLog.count({ where: { action: "billing.credit", tenantId: world.acme.tenant.id } })).toBe(1);
    await expectTrpcError(partner.admin.billing.credit({ ...input, amount: "41" }), "CONFLICT");
  });

  it("shows the customer's balance, ledger, purchases and accounts", async () => {
    const acme = await callerFor(world.acme.admin.id);
    await partner.accountPlan.create(plan("Standard"));
    await acme.billing.purchase({ accountType: "CENTREX_LINE", quantity: 2, idempotencyKey: randomUUID() });
    const tenantId = world.acme.tenant.id;
    expect(await partner.admin.billing.balance({ tenantId })).toEqual([{ currency: "GBP", amount: "28.02" }]);
    expect((await partner.admin.billing.ledger({ tenantId, page: 1 })).items.map((e) => e.kind)).toEqual(["PURCHASE", "CREDIT_MANUAL"]);
    expect((await partner.admin.billing.purchases({ tenantId })).map((p) => p.quantity)).toEqual([2]);
    expect(await partner.admin.billing.accounts({ tenantId })).toHaveLength(2);
    expect(await partner.admin.billing.balance({ tenantId: world.globex.tenant.id })).toEqual([{ currency: "GBP", amount: "0" }]);
  });
});
