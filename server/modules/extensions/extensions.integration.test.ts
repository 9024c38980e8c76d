import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyPassword } from "@/server/auth/password";
import { sipAuthMd5 } from "@/server/modules/billing/sip-credentials";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedDid } from "@/tests/fixtures/seed-telephony";

type World = Awaited<ReturnType<typeof seedTenant>>;
type Caller = Awaited<ReturnType<typeof callerFor>>;

const line = (tenantId: string, type: "CENTREX_LINE" | "FAX" = "CENTREX_LINE") =>
  db.sipAccount.create({ data: { tenantId, type, username: `it-${randomUUID().slice(0, 10)}`, authMd5: "0".repeat(32) } });

const input = (sipAccountId: string, number: string, extra: Partial<Parameters<Caller["extension"]["create"]>[0]> = {}) => ({
  sipAccountId, number, displayName: `Ext ${number}`, ownerUserId: "", voicemailEnabled: false, voicemailPin: "", outboundCli: "", ...extra,
});

describe("[EXTENSIONS] customer admins manage extensions on their SIP accounts", () => {
  let world: World;
  let other: World;
  let admin: Caller;
  beforeAll(async () => {
    const { partner } = await seedPartner();
    world = await seedTenant({ partnerId: partner.id, extensionUsers: 2 });
    other = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
    admin = await callerFor(world.admin.id);
    await seedDid(world.tenant.id, "+442070000001");
    await seedDid(other.tenant.id, "+442070000002");
  });

  it("creates an extension with owner, voicemail PIN and CLI, returning a working secret once and auditing it", async () => {
    const account = await line(world.tenant.id);
    expect((await admin.sipAccount.findUnused()).map((a) => a.id)).toContain(account.id);
    const owner = world.users[0]!;
    const { extension, credentials } = await admin.extension.create(
      input(account.id, "401", { ownerUserId: owner.id, voicemailEnabled: true, voicemailPin: "4321", outboundCli: "+442070000001" }),
    );
    expect(extension).toMatchObject({ number: "401", ownerUserId: owner.id, outboundCli: "+442070000001", hasVoicemailPin: true });
    expect(extension).not.toHaveProperty("voicemailPinHash");
    expect(credentials.secret.length).toBeGreaterThanOrEqual(24);
    expect(credentials.username).toBe(account.username);
    // What the phone needs besides: the defaults, flagged as demo settings (no ARI_URL here).
    expect(credentials.server).toMatchObject({ port: 5060, transport: "udp", alsoAccepted: [], isDemo: true });
    expect(credentials.server.host).toMatch(/^[a-z0-9.-]+$/);
    const stored = await db.sipAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.authMd5).toBe(sipAuthMd5(stored.username, stored.realm, credentials.secret));
    const pinHash = (await db.extension.findUniqueOrThrow({ where: { id: extension.id } })).voicemailPinHash!;
    expect(pinHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(pinHash, "4321")).toBe(true);
    expect((await admin.sipAccount.findUnused()).map((a) => a.id)).not.toContain(account.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: extension.id, action: "extension.create" } });
    expect(JSON.stringify(audit.details)).not.toContain(credentials.secret);
  });

  it("refuses a number another extension dials, on create and on update", async () => {
    const first = await admin.extension.create(input((await line(world.tenant.id)).id, "402"));
    const err = await admin.extension.create(input((await line(world.tenant.id)).id, "402")).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CONFLICT", cause: { fieldErrors: { number: expect.stringContaining("402") } } });
    const second = await admin.extension.create(input((await line(world.tenant.id)).id, "403"));
    await expectTrpcError(admin.extension.update({ ...input("", "402"), id: second.extension.id }), "CONFLICT");
    // Keeping its own number is not a clash.
    const renamed = await admin.extension.update({ ...input("", "402", { displayName: "Renamed" }), id: first.extension.id });
    expect(renamed.displayName).toBe("Renamed");
    // Turning voicemail on without a PIN is refused; with one it is stored hashed.
    await expectTrpcError(admin.extension.update({ ...input("", "402", { voicemailEnabled: true }), id: first.extension.id }), "BAD_REQUEST");
    const withPin = await admin.extension.update({ ...input("", "402", { voicemailEnabled: true, voicemailPin: "1234" }), id: first.extension.id });
    expect(withPin.hasVoicemailPin).toBe(true);
  });

  it("refuses an owner from another company, a CLI the company does not own and a fax line", async () => {
    const account = await line(world.tenant.id);
    const foreignOwner = await admin.extension.create(input(account.id, "404", { ownerUserId: other.users[0]!.id })).catch((e: unknown) => e);
    expect(foreignOwner).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { ownerUserId: expect.any(String) } } });
    const foreignCli = await admin.extension.create(input(account.id, "404", { outboundCli: "+442070000002" })).catch((e: unknown) => e);
    expect(foreignCli).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { outboundCli: expect.any(String) } } });
    await expectTrpcError(admin.extension.create(input((await line(world.tenant.id, "FAX")).id, "404")), "BAD_REQUEST");
    await expectTrpcError(admin.extension.create(input(account.id, "404", { voicemailEnabled: true })), "BAD_REQUEST"); // no PIN
    expect(await db.extension.count({ where: { tenantId: world.tenant.id, number: "404" } })).toBe(0);
  });

  it("deletes an extension, freeing its account for a new one", async () => {
    const account = await line(world.tenant.id);
    const { extension, credentials } = await admin.extension.create(input(account.id, "405"));
    await expectTrpcError(admin.extension.create(input(account.id, "406")), "CONFLICT"); // still in use
    const did = await seedDid(world.tenant.id, "+442070000005", extension.id);
    await admin.extension.delete({ id: extension.id });
    expect(await db.extension.count({ where: { id: extension.id } })).toBe(0);
    expect(await db.did.findUniqueOrThrow({ where: { id: did.id } })).toMatchObject({ targetType: null, targetExtensionId: null });
    // The freed line no longer accepts the old phone's secret.
    const stored = await db.sipAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.authMd5).not.toBe(sipAuthMd5(stored.username, stored.realm, credentials.secret));
    expect((await admin.sipAccount.findUnused()).map((a) => a.id)).toContain(account.id);
    const again = await admin.extension.create(input(account.id, "406"));
    expect(again.extension.sipAccount?.id).toBe(account.id);
  });

  it("regenerates credentials: a new md5 in the database, the secret only in the answer, and a NOTIFY for the worker", async () => {
    const account = await line(world.tenant.id);
    const { extension } = await admin.extension.create(input(account.id, "407"));
    const before = (await db.sipAccount.findUniqueOrThrow({ where: { id: account.id } })).authMd5;
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (m) => heard.push(`${m.channel}:${m.payload}`));
    await listener.query("LISTEN sip_accounts_changed");
    try {
      const credentials = await admin.extension.regenerateCredentials({ id: extension.id });
      const after = await db.sipAccount.findUniqueOrThrow({ where: { id: account.id } });
      expect(after.authMd5).not.toBe(before);
      expect(after.authMd5).toBe(sipAuthMd5(after.username, after.realm, credentials.secret));
      await expect.poll(() => heard).toContain(`sip_accounts_changed:${account.id}`);
    } finally {
      await listener.end();
    }
  });

  it("shows extension users only the extensions they own", async () => {
    const owner = world.users[1]!;
    const mine = await admin.extension.create(input((await line(world.tenant.id)).id, "408", { ownerUserId: owner.id }));
    const notMine = await admin.extension.create(input((await line(world.tenant.id)).id, "409"));
    const user = await callerFor(owner.id);
    expect((await user.extension.find()).map((e) => e.id)).toEqual([mine.extension.id]);
    expect((await user.extension.get({ id: mine.extension.id })).number).toBe("408");
    await expectTrpcError(user.extension.get({ id: notMine.extension.id }), "NOT_FOUND");
    await expectTrpcError(user.extension.regenerateCredentials({ id: mine.extension.id }), "FORBIDDEN");
    await expectTrpcError(user.sipAccount.findUnused(), "FORBIDDEN");
  });
});
