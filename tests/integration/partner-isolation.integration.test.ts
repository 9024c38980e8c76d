/**
 * Partner isolation, enumerated: every partner-scoped procedure has a case in which another
 * partner's admin reaches for Demo's customers and gets NOT_FOUND (or sees none).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTwoTenants } from "../fixtures/seed-tenant";
import { expectTrpcError, listProcedures } from "../fixtures/procedures";

type World = Awaited<ReturnType<typeof seedTwoTenants>> & {
  demoTariff: { id: string };
  demoRate: { id: string };
};
type Caller = Awaited<ReturnType<typeof callerFor>>;
type Case = (rival: Caller, world: World) => Promise<void>;

const admin = { adminName: "Mallory", adminEmail: "mallory@test.example", adminPassword: "Long-enough-1" };

const CASES: Record<string, Case> = {
  "admin.customer.find": async (rival, { acme }) => {
    expect((await rival.admin.customer.find()).map((c) => c.id)).not.toContain(acme.tenant.id);
  },
  "admin.customer.get": (rival, { acme }) => expectTrpcError(rival.admin.customer.get({ id: acme.tenant.id }), "NOT_FOUND"),
  "admin.customer.create": async (rival, { partner }) => {
    const created = await rival.admin.customer.create({ name: "Rival Customer", ...admin, partnerId: partner.id } as Parameters<Caller["admin"]["customer"]["create"]>[0]);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: created.id } })).partnerId).not.toBe(partner.id);
  },
  "admin.customer.update": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.customer.update({ id: acme.tenant.id, name: "Stolen" }), "NOT_FOUND");
    expect((await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).name).toBe("Acme Ltd");
  },
  "admin.customer.setStatus": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.customer.setStatus({ id: acme.tenant.id, status: "SUSPENDED" }), "NOT_FOUND");
    expect((await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).status).toBe("ACTIVE");
  },
  "admin.customer.createAdmin": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.customer.createAdmin({ tenantId: acme.tenant.id, ...admin, adminEmail: "sneaky@test.example" }), "NOT_FOUND");
    expect(await db.user.count({ where: { email: "sneaky@test.example" } })).toBe(0);
  },
  "tariff.find": async (rival, { demoTariff }) => {
    expect((await rival.tariff.find()).map((t) => t.id)).not.toContain(demoTariff.id);
  },
  "tariff.get": (rival, { demoTariff }) => expectTrpcError(rival.tariff.get({ id: demoTariff.id }), "NOT_FOUND"),
  "tariff.create": async (rival, { partner }) => {
    const input = { name: "Rival plan", currency: "GBP", isDefault: true, partnerId: partner.id };
    const created = await rival.tariff.create(input as Parameters<Caller["tariff"]["create"]>[0]);
    expect((await db.tariff.findUniqueOrThrow({ where: { id: created.id } })).partnerId).not.toBe(partner.id);
    expect(await db.tariff.count({ where: { partnerId: partner.id, isDefault: true } })).toBe(1);
  },
  "tariff.update": async (rival, { demoTariff }) => {
    await expectTrpcError(rival.tariff.update({ id: demoTariff.id, name: "Stolen", currency: "EUR" }), "NOT_FOUND");
    expect((await db.tariff.findUniqueOrThrow({ where: { id: demoTariff.id } })).name).toBe("Demo standard");
  },
  "tariff.delete": async (rival, { demoTariff }) => {
    await expectTrpcError(rival.tariff.delete({ id: demoTariff.id }), "NOT_FOUND");
    expect(await db.tariff.count({ where: { id: demoTariff.id } })).toBe(1);
  },
  "tariff.setDefault": async (rival, { demoTariff, partner }) => {
    await db.tariff.update({ where: { id: demoTariff.id }, data: { isDefault: false } });
    await expectTrpcError(rival.tariff.setDefault({ id: demoTariff.id }), "NOT_FOUND");
    expect(await db.tariff.count({ where: { partnerId: partner.id, isDefault: true } })).toBe(0);
    await db.tariff.update({ where: { id: demoTariff.id }, data: { isDefault: true } });
  },
  "tariff.importRates": async (rival, { demoTariff }) => {
    const csv = "prefix,rate_per_minute,connect_fee,increment_sec,minimum_sec\n44,9.99,0,60,0";
    await expectTrpcError(rival.tariff.importRates({ tariffId: demoTariff.id, mode: "replace", csv }), "NOT_FOUND");
    expect((await db.tariffRate.findMany({ where: { tariffId: demoTariff.id } })).map((r) => r.ratePerMinute.toString())).toEqual(["0.01"]);
  },
  "tariff.assignToCustomer": async (rival, { acme }) => {
    await expectTrpcError(rival.tariff.assignToCustomer({ tenantId: acme.tenant.id, tariffId: null }), "NOT_FOUND");
    const rivalTariff = await rival.tariff.create({ name: "Rival assign", currency: "GBP", isDefault: false });
    // Even their own tariff cannot be put on Demo's customer.
    await expectTrpcError(rival.tariff.assignToCustomer({ tenantId: acme.tenant.id, tariffId: rivalTariff.id }), "NOT_FOUND");
    expect((await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).tariffId).toBeNull();
  },
  "tariff.rate.upsert": async (rival, { demoTariff, demoRate }) => {
    const fields = { prefix: "44", description: "", ratePerMinute: "9", connectFee: "0", incrementSec: 60, minimumSec: 0 };
    await expectTrpcError(rival.tariff.rate.upsert({ tariffId: demoTariff.id, ...fields, prefix: "33" }), "NOT_FOUND");
    await expectTrpcError(rival.tariff.rate.upsert({ tariffId: demoTariff.id, id: demoRate.id, ...fields }), "NOT_FOUND");
    // Naming their own tariff with our rate's id does not reach our rate either.
    const own = await rival.tariff.create({ name: "Rival rates", currency: "GBP", isDefault: false });
    await expectTrpcError(rival.tariff.rate.upsert({ tariffId: own.id, id: demoRate.id, ...fields }), "NOT_FOUND");
    expect((await db.tariffRate.findUniqueOrThrow({ where: { id: demoRate.id } })).ratePerMinute.toString()).toBe("0.01");
  },
  "tariff.rate.delete": async (rival, { demoTariff, demoRate }) => {
    await expectTrpcError(rival.tariff.rate.delete({ tariffId: demoTariff.id, id: demoRate.id }), "NOT_FOUND");
    expect(await db.tariffRate.count({ where: { id: demoRate.id } })).toBe(1);
  },
  "admin.audit.find": async (rival, { acme, partnerAdmin }) => {
    await (await callerFor(partnerAdmin.id)).admin.customer.update({ id: acme.tenant.id, name: "Acme Ltd" });
    const page = await rival.admin.audit.find({ tenantId: acme.tenant.id });
    expect(page.items).toEqual([]);
  },
};

describe("[TENANCY] cross-partner access", () => {
  let world: World;
  let rival: Caller;
  beforeAll(async () => {
    const base = await seedTwoTenants();
    const demoTariff = await db.tariff.create({ data: { partnerId: base.partner.id, name: "Demo standard", isDefault: true } });
    const demoRate = await db.tariffRate.create({ data: { tariffId: demoTariff.id, prefix: "44", ratePerMinute: "0.01" } });
    world = { ...base, demoTariff, demoRate };
    rival = await callerFor((await seedPartner("Rival Telecom")).admin.id);
  });

  it("has a cross-partner case for every partner-scoped procedure", () => {
    const paths = listProcedures().filter((p) => p.scope === "partnerAdmin").map((p) => p.path);
    expect(paths.filter((path) => !CASES[path])).toEqual([]);
  });

  for (const [path, run] of Object.entries(CASES)) {
    it(`${path}: a rival partner cannot reach Demo's customers`, () => run(rival, world));
  }
});
