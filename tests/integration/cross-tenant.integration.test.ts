/**
 * Tenant isolation, enumerated: every tenant-scoped procedure in the router must have a case
 * here in which Acme's admin reaches for Globex's records and gets NOT_FOUND (or sees none).
 * A new tenant procedure without a case fails the first test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedTwoTenants } from "../fixtures/seed-tenant";
import { expectTrpcError, listProcedures } from "../fixtures/procedures";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;
type Caller = Awaited<ReturnType<typeof callerFor>>;
type Case = (acmeAdmin: Caller, world: World) => Promise<void>;

const CASES: Record<string, Case> = {
  "user.find": async (acme, { globex }) => {
    const ids = (await acme.user.find()).map((u) => u.id);
    expect(ids).not.toContain(globex.admin.id);
    expect(ids).not.toContain(globex.users[0]!.id);
  },
  "user.get": (acme, { globex }) => expectTrpcError(acme.user.get({ id: globex.users[0]!.id }), "NOT_FOUND"),
  "user.update": async (acme, { globex }) => {
    const target = globex.users[0]!;
    await expectTrpcError(acme.user.update({ id: target.id, name: "Hijacked", email: "hijack@test.example", role: "CUSTOMER_ADMIN" }), "NOT_FOUND");
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect([after.name, after.email, after.role]).toEqual([target.name, target.email, target.role]);
  },
  "user.delete": async (acme, { globex }) => {
    await expectTrpcError(acme.user.delete({ id: globex.users[1]!.id }), "NOT_FOUND");
    expect(await db.user.count({ where: { id: globex.users[1]!.id } })).toBe(1);
  },
  "user.create": async (acme, { acme: acmeWorld, globex }) => {
    // No input can name a tenant: an extra tenantId is stripped by the schema and overwritten by the scope.
    const input = { name: "New Person", email: "new-person@test.example", role: "EXTENSION_USER", password: "Long-enough-1", tenantId: globex.tenant.id };
    const created = await acme.user.create(input as Parameters<Caller["user"]["create"]>[0]);
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).tenantId).toBe(acmeWorld.tenant.id);
  },
  "presence.find": async (acme, { acme: acmeWorld, globex }) => {
    const line = async (tenantId: string, number: string) => {
      const sip = await db.sipAccount.create({ data: { tenantId, username: `x-${tenantId.slice(-6)}-${number}`, authMd5: "0".repeat(32) } });
      await db.registration.create({ data: { sipAccountId: sip.id, tenantId, state: "REGISTERED" } });
      return db.extension.create({ data: { tenantId, number, displayName: number, sipAccountId: sip.id } });
    };
    const own = await line(acmeWorld.tenant.id, "301");
    const theirs = await line(globex.tenant.id, "302");
    const rows = await acme.presence.find();
    expect(rows.map((r) => r.id)).toContain(own.id);
    expect(rows.map((r) => r.id)).not.toContain(theirs.id);
    expect(rows.find((r) => r.id === own.id)?.registration?.state).toBe("REGISTERED");
  },
  "auditLog.find": async (acme, { globex }) => {
    await (await callerFor(globex.admin.id)).user.create({ name: "Globex Hire", email: "globex-hire@test.example", role: "EXTENSION_USER", password: "Long-enough-1" });
    expect(await db.auditLog.count({ where: { tenantId: globex.tenant.id } })).toBeGreaterThan(0);
    const page = await acme.auditLog.find({});
    expect(page.items.every((row) => row.tenantId !== globex.tenant.id)).toBe(true);
  },
};

describe("[TENANCY] cross-tenant access", () => {
  let world: World;
  let acmeAdmin: Caller;
  beforeAll(async () => {
    world = await seedTwoTenants();
    acmeAdmin = await callerFor(world.acme.admin.id);
  });

  const tenantProcedures = listProcedures().filter((p) => p.scope === "tenant" || p.scope === "tenantAdmin");

  it("has a cross-tenant case for every tenant-scoped procedure", () => {
    expect(tenantProcedures.length).toBeGreaterThan(0);
    const missing = tenantProcedures.map((p) => p.path).filter((path) => !CASES[path]);
    expect(missing, `add cross-tenant cases for: ${missing.join(", ")}`).toEqual([]);
  });

  for (const [path, run] of Object.entries(CASES)) {
    it(`${path}: Acme's admin cannot reach Globex's records`, () => run(acmeAdmin, world));
  }
});
