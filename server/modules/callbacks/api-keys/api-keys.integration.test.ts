/**
 * API keys through the tRPC procedures (issue 14): shown once, stored hashed, scoped to the
 * company's own lines, bounded limits (the partner may go further), revocation, audit rows
 * that never hold the key, and admins only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedLineExtension } from "@/tests/fixtures/seed-media";
import { hashApiKey, API_KEY_PATTERN } from "./key-material";

let world: Awaited<ReturnType<typeof seedTwoTenants>>;
let admin: Awaited<ReturnType<typeof callerFor>>;

beforeAll(async () => {
  world = await seedTwoTenants();
  admin = await callerFor(world.acme.admin.id);
});

describe("apiKeys", () => {
  it("creates a key shown once: only its hash and prefix are stored, and the list never has it", async () => {
    const { apiKey, key } = await admin.apiKeys.create({ name: "Softphone" });
    expect(key).toMatch(API_KEY_PATTERN);
    expect(apiKey).toMatchObject({ name: "Softphone", prefix: key.slice(0, 12), rateLimitPerMinute: 60, scope: null, lastUsedAt: null, revokedAt: null });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.secretHash).toBe(hashApiKey(key));
    expect(row.createdByUserId).toBe(world.acme.admin.id);
    const listed = await admin.apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(JSON.stringify(listed)).not.toContain(row.secretHash);
    expect(listed.find((k) => k.id === apiKey.id)).toBeDefined();
    const audit = await db.auditLog.findMany({ where: { entityId: apiKey.id } });
    expect(audit.map((a) => a.action)).toEqual(["apiKey.created"]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(key.slice(12));
  });

  it("scopes a key to one of the company's lines with an extension, and nothing else", async () => {
    const ext = await seedLineExtension(world.acme.tenant.id, "401");
    const { apiKey } = await admin.apiKeys.create({ name: "Reception", sipAccountId: ext.sipAccountId });
    expect(apiKey.scope).toEqual({ sipAccountId: ext.sipAccountId, label: "401 Ext 401" });
    expect((await admin.apiKeys.scopes()).map((s) => s.sipAccountId)).toContain(ext.sipAccountId);
    const fax = await db.sipAccount.create({ data: { tenantId: world.acme.tenant.id, type: "FAX", username: `fax-${Date.now()}`, authMd5: "0".repeat(32) } });
    await expectTrpcError(admin.apiKeys.create({ name: "Fax", sipAccountId: fax.id }), "BAD_REQUEST");
    await expectTrpcError(admin.apiKeys.create({ name: "Nothing", sipAccountId: "no-such-line" }), "NOT_FOUND");
    const unscoped = await admin.apiKeys.create({ name: "Any line", sipAccountId: "" });
    expect(unscoped.apiKey.scope).toBeNull();
  });

  it("bounds a customer's limit to 1..600 a minute, while a partner admin may set up to 1,000,000", async () => {
    for (const rateLimitPerMinute of [0, 601, 1.5]) await expectTrpcError(admin.apiKeys.create({ name: `Bad ${rateLimitPerMinute}`, rateLimitPerMinute }), "BAD_REQUEST");
    const { apiKey } = await admin.apiKeys.create({ name: "Load test", rateLimitPerMinute: 600 });
    const partner = await callerFor(world.partnerAdmin.id);
    const raised = await partner.admin.customerApiKeys.setRateLimit({ tenantId: world.acme.tenant.id, id: apiKey.id, rateLimitPerMinute: 1_000_000 });
    expect(raised.rateLimitPerMinute).toBe(1_000_000);
    await expectTrpcError(partner.admin.customerApiKeys.setRateLimit({ tenantId: world.acme.tenant.id, id: apiKey.id, rateLimitPerMinute: 1_000_001 }), "BAD_REQUEST");
    // The customer may rename it and keep the partner's limit, not raise it further or set their own above 600.
    const renamed = await admin.apiKeys.update({ id: apiKey.id, name: "Load test 2", sipAccountId: null, rateLimitPerMinute: 1_000_000 });
    expect(renamed).toMatchObject({ name: "Load test 2", rateLimitPerMinute: 1_000_000 });
    await expectTrpcError(admin.apiKeys.update({ id: apiKey.id, name: "Load test 2", sipAccountId: null, rateLimitPerMinute: 999_999 }), "BAD_REQUEST");
    expect((await admin.apiKeys.update({ id: apiKey.id, name: "Load test 2", sipAccountId: null, rateLimitPerMinute: 10 })).rateLimitPerMinute).toBe(10);
    expect((await partner.admin.customerApiKeys.find({ tenantId: world.acme.tenant.id })).map((k) => k.id)).toContain(apiKey.id);
    const actions = (await db.auditLog.findMany({ where: { entityId: apiKey.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["apiKey.created", "apiKey.updated", "apiKey.updated", "apiKey.updated"]);
  });

  it("revokes for good: a revoked key cannot be changed, and revoking again changes nothing", async () => {
    const { apiKey } = await admin.apiKeys.create({ name: "Old app" });
    const revoked = await admin.apiKeys.revoke({ id: apiKey.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const again = await admin.apiKeys.revoke({ id: apiKey.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    await expectTrpcError(admin.apiKeys.update({ id: apiKey.id, name: "Back", sipAccountId: null, rateLimitPerMinute: 60 }), "CONFLICT");
    expect(await db.auditLog.count({ where: { entityId: apiKey.id, action: "apiKey.revoked" } })).toBe(1);
  });

  it("is for the company's admins only", async () => {
    const user = await callerFor(world.acme.users[0]!.id);
    await expectTrpcError(user.apiKeys.list(), "FORBIDDEN");
    await expectTrpcError(user.apiKeys.create({ name: "Mine" }), "FORBIDDEN");
  });

  it("refuses names with control characters and nothing is written", async () => {
    const before = await db.apiKey.count();
    await expectTrpcError(admin.apiKeys.create({ name: "Bad\u202ename" }), "BAD_REQUEST");
    await expectTrpcError(admin.apiKeys.create({ name: "   " }), "BAD_REQUEST");
    expect(await db.apiKey.count()).toBe(before);
  });
});
