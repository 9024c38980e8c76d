import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyCredentials } from "./credentials";
import { loadSessionUser } from "./session-user";
import { TEST_PASSWORD, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

describe("[AUTH] credentials and lockout", () => {
  let world: Awaited<ReturnType<typeof seedTenant>>;
  beforeAll(async () => {
    const { partner } = await seedPartner();
    world = await seedTenant({ partnerId: partner.id, extensionUsers: 2 });
  });

  it("signs in with the right password, whatever the email's case", async () => {
    const result = await verifyCredentials(world.admin.email.toUpperCase(), TEST_PASSWORD, "10.0.0.1", at(0));
    expect(result).toMatchObject({ ok: true, user: { id: world.admin.id, role: "CUSTOMER_ADMIN", tenantId: world.tenant.id } });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await verifyCredentials(world.admin.email, "wrong-password", "10.0.0.2", at(1))).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials("nobody@test.example", TEST_PASSWORD, "10.0.0.2", at(1))).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account for 15 minutes after 5 failures in 10 minutes, even for the right password", async () => {
    const email = world.users[0]!.email;
    for (let i = 0; i < 4; i++) expect(await verifyCredentials(email, "nope", `10.1.0.${i}`, at(10 + i))).toMatchObject({ reason: "invalid" });
    expect(await verifyCredentials(email, "nope", "10.1.0.9", at(14))).toEqual({ ok: false, reason: "locked", minutes: 15 });
    expect(await verifyCredentials(email, TEST_PASSWORD, "10.1.0.10", at(20))).toEqual({ ok: false, reason: "locked", minutes: 9 });
    // The refused attempt during the lock was not even checked, so it does not extend the lock.
    expect(await verifyCredentials(email, TEST_PASSWORD, "10.1.0.10", at(29))).toMatchObject({ ok: true });
  });

  it("locks an IP that fails 20 times across accounts, without locking those accounts elsewhere", async () => {
    for (let i = 0; i < 20; i++) await verifyCredentials(`probe-${i}@test.example`, "nope", "10.9.9.9", at(30));
    expect(await verifyCredentials(world.users[1]!.email, TEST_PASSWORD, "10.9.9.9", at(31))).toMatchObject({ reason: "locked" });
    expect(await verifyCredentials(world.users[1]!.email, TEST_PASSWORD, "10.2.2.2", at(31))).toMatchObject({ ok: true });
  });

  it("counts failures only since the last success", async () => {
    const email = world.admin.email;
    for (let i = 0; i < 4; i++) await verifyCredentials(email, "nope", "10.3.0.1", at(40));
    expect(await verifyCredentials(email, TEST_PASSWORD, "10.3.0.1", at(41))).toMatchObject({ ok: true });
    expect(await verifyCredentials(email, "nope", "10.3.0.1", at(42))).toMatchObject({ reason: "invalid" });
  });

  it("checks at most 5 of 40 concurrent wrong guesses at one account, then refuses the right password", async () => {
    const { partner } = await seedPartner();
    const target = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    const email = target.admin.email;
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => verifyCredentials(email, `guess-${i}`, `10.5.${i}.1`, at(55))));
    // Only an admitted attempt is recorded, and only an admitted attempt has its password verified.
    const checked = await db.loginAttempt.count({ where: { email } });
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(35);
    expect(await verifyCredentials(email, TEST_PASSWORD, "10.5.99.1", at(56))).toMatchObject({ ok: false, reason: "locked" });
    expect(await db.loginAttempt.count({ where: { email } })).toBe(checked);
  });

  it("admits at most 20 concurrent guesses from one IP across accounts", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => verifyCredentials(`spray-${i}@test.example`, "nope", "10.6.6.6", at(57))));
    expect(await db.loginAttempt.count({ where: { ip: "10.6.6.6" } })).toBeLessThanOrEqual(20);
  });

  it("refuses the users of a suspended company, and their existing sessions", async () => {
    const { partner } = await seedPartner();
    const other = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    await db.tenant.update({ where: { id: other.tenant.id }, data: { status: "SUSPENDED" } });
    expect(await verifyCredentials(other.admin.email, TEST_PASSWORD, "10.4.0.1", at(50))).toEqual({ ok: false, reason: "suspended" });
    expect(await loadSessionUser(other.admin.id)).toBeNull();
  });

  it("voids sessions issued before a password change", async () => {
    const changedAt = new Date();
    await db.user.update({ where: { id: world.users[1]!.id }, data: { sessionsValidFrom: changedAt } });
    expect(await loadSessionUser(world.users[1]!.id, { sessionId: "s-1", signedInAt: new Date(changedAt.getTime() - 5_000) })).toBeNull();
    expect(await loadSessionUser(world.users[1]!.id, { sessionId: "s-1", signedInAt: new Date(changedAt.getTime() + 1_000) })).not.toBeNull();
  });
});
