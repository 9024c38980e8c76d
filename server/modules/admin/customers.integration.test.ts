import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { verifyCredentials } from "@/server/auth/credentials";
import { callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;
const newCustomer = { name: "Initech", adminName: "Peter Gibbons", adminEmail: "peter@initech.example", adminPassword: "Tps-reports-1" };

describe("[ADMIN] partner admins manage customers", () => {
  let world: World;
  let partner: Awaited<ReturnType<typeof callerFor>>;
  beforeAll(async () => {
    world = await seedTwoTenants();
    partner = await callerFor(world.partnerAdmin.id);
  });

  it("creates a customer with its first admin, who can then sign in, and audits both", async () => {
    const created = await partner.admin.customer.create(newCustomer);
    expect(created.admin).toMatchObject({ email: "peter@initech.example", role: "CUSTOMER_ADMIN" });
    const signIn = await verifyCredentials("peter@initech.example", "Tps-reports-1", "10.0.0.1");
    expect(signIn).toMatchObject({ ok: true, user: { tenantId: created.id, tenantName: "Initech" } });
    const audit = await db.auditLog.findMany({ where: { tenantId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["customer.create", "user.create"]);
    expect(audit.every((a) => a.partnerId === world.partner.id && a.actorUserId === world.partnerAdmin.id)).toBe(true);
  });

  it("writes nothing when the first admin's email is taken (one transaction)", async () => {
    const before = await db.tenant.count();
    const err = await partner.admin.customer.create({ ...newCustomer, name: "Initrode", adminEmail: world.acme.admin.email }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("CONFLICT");
    expect(await db.tenant.count()).toBe(before);
    expect(await db.tenant.count({ where: { name: "Initrode" } })).toBe(0);
  });

  it("refuses a duplicate customer name with a field message", async () => {
    await expectTrpcError(partner.admin.customer.create({ ...newCustomer, name: "acme ltd", adminEmail: "x@acme2.example" }), "CONFLICT");
  });

  it("rejects bad input with field-level zod errors", async () => {
    const err = (await partner.admin.customer
      .create({ name: "", adminName: "A", adminEmail: "not-an-email", adminPassword: "short" })
      .catch((e: unknown) => e)) as TRPCError;
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/email/i);
  });

  it("sets the customer's time zone: its people's sessions read it, the audit says it, and a bad zone changes nothing", async () => {
    const tenantId = world.globex.tenant.id;
    const saved = await partner.admin.customer.update({ id: tenantId, name: "Globex Corp", timeZone: "Australia/Sydney" });
    expect(saved.timeZone).toBe("Australia/Sydney");
    const { loadSessionUser } = await import("@/server/auth/session-user");
    expect((await loadSessionUser(world.globex.admin.id))?.format).toEqual({ locale: "en-GB", timeZone: "Australia/Sydney" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "customer.update" }, orderBy: { id: "desc" } });
    expect(entry.details).toMatchObject({ before: { timeZone: "Europe/London" }, after: { timeZone: "Australia/Sydney" } });

    const err = (await partner.admin.customer.update({ id: tenantId, name: "Globex Corp", timeZone: "Mars/Olympus" }).catch((e: unknown) => e)) as TRPCError;
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/IANA time zone/);
    // Left out, the zone stays as it was.
    await partner.admin.customer.update({ id: tenantId, name: "Globex Corp" });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).timeZone).toBe("Australia/Sydney");
  });

  it("suspends a customer: its users are signed out and cannot sign in; activating restores them", async () => {
    await partner.admin.customer.setStatus({ id: world.globex.tenant.id, status: "SUSPENDED" });
    expect(await verifyCredentials(world.globex.admin.email, "Test-password-1", "10.0.0.5")).toMatchObject({ ok: false, reason: "suspended" });
    await expect(callerFor(world.globex.admin.id)).rejects.toThrow(/cannot sign in/);
    await partner.admin.customer.setStatus({ id: world.globex.tenant.id, status: "ACTIVE" });
    expect(await verifyCredentials(world.globex.admin.email, "Test-password-1", "10.0.0.6")).toMatchObject({ ok: true });
  });

  it("lists its customers with user counts and shows the audit log of its scope", async () => {
    const customers = await partner.admin.customer.find();
    expect(customers.find((c) => c.id === world.acme.tenant.id)?._count.users).toBe(3);
    const audit = await partner.admin.audit.find({});
    expect(audit.items.map((a) => a.action)).toContain("customer.suspend");
  });
});
