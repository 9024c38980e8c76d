import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";

describe("[USERS] customer admins manage their company's users", () => {
  let world: Awaited<ReturnType<typeof seedTenant>>;
  let admin: Awaited<ReturnType<typeof callerFor>>;
  beforeAll(async () => {
    const { partner } = await seedPartner();
    world = await seedTenant({ partnerId: partner.id, extensionUsers: 2 });
    admin = await callerFor(world.admin.id);
  });

  it("creates, edits and removes a user, auditing each write", async () => {
    const created = await admin.user.create({ name: "Dee", email: "DEE@Test.Example ", role: "EXTENSION_USER", password: "Dee-password-1" });
    expect(created.email).toBe("dee@test.example");
    const updated = await admin.user.update({ id: created.id, name: "Dee Dee", email: "dee@test.example", role: "CUSTOMER_ADMIN" });
    expect(updated).toMatchObject({ name: "Dee Dee", role: "CUSTOMER_ADMIN" });
    await admin.user.delete({ id: created.id });
    expect(await db.user.count({ where: { id: created.id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.create", "user.update", "user.delete"]);
  });

  it("refuses an email that already has an account, keeping the existing user", async () => {
    const err = await admin.user.create({ name: "Copy", email: world.users[0]!.email, role: "EXTENSION_USER", password: "Copy-password-1" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CONFLICT", cause: { fieldErrors: { email: "This email is already in use." } } });
    expect(await db.user.count({ where: { email: world.users[0]!.email } })).toBe(1);
  });

  it("keeps at least one administrator and refuses to remove yourself", async () => {
    await expectTrpcError(admin.user.update({ id: world.admin.id, name: world.admin.name, email: world.admin.email, role: "EXTENSION_USER" }), "BAD_REQUEST");
    await expectTrpcError(admin.user.delete({ id: world.admin.id }), "BAD_REQUEST");
    expect((await db.user.findUniqueOrThrow({ where: { id: world.admin.id } })).role).toBe("CUSTOMER_ADMIN");
  });

  it("rejects weak passwords and bad emails before touching the database", async () => {
    const before = await db.user.count();
    await expectTrpcError(admin.user.create({ name: "X", email: "x", role: "EXTENSION_USER", password: "x" }), "BAD_REQUEST");
    expect(await db.user.count()).toBe(before);
  });

  it("changes the own password: the old one stops working and older sessions are void", async () => {
    const me = await callerFor(world.users[1]!.id);
    await expectTrpcError(me.account.changePassword({ currentPassword: "wrong", newPassword: "Brand-new-pass-1", confirmPassword: "Brand-new-pass-1" }), "BAD_REQUEST");
    await me.account.changePassword({ currentPassword: "Test-password-1", newPassword: "Brand-new-pass-1", confirmPassword: "Brand-new-pass-1" });
    const { verifyCredentials } = await import("@/server/auth/credentials");
    expect(await verifyCredentials(world.users[1]!.email, "Test-password-1", "10.0.0.1")).toMatchObject({ ok: false });
    expect(await verifyCredentials(world.users[1]!.email, "Brand-new-pass-1", "10.0.0.1")).toMatchObject({ ok: true });
  });
});
