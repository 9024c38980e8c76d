/**
 * Partner isolation, enumerated: every partner-scoped procedure has a case in which another
 * partner's admin reaches for Demo's customers and gets NOT_FOUND (or sees none).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTwoTenants } from "../fixtures/seed-tenant";
import { expectTrpcError, listProcedures } from "../fixtures/procedures";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;
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
    world = await seedTwoTenants();
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
