import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadTenantDialPlan } from "@/server/telephony/dialplan/load-dial-plan";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";

type Caller = Awaited<ReturnType<typeof callerFor>>;

const DID = "+442071230001";
const OTHER_OWN_DID = "+442071230002";

let tenantId: string;
let partnerId: string;
let admin: Caller;
let didId: string;
let alice: SeededExtension;
let bob: SeededExtension;
let faxId: string;

beforeAll(async () => {
  const { partner } = await seedPartner();
  partnerId = partner.id;
  const world = await seedTenant({ partnerId, extensionUsers: 1 });
  tenantId = world.tenant.id;
  admin = await callerFor(world.admin.id);
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  await db.extension.update({ where: { id: bob.id }, data: { voicemailEnabled: false } });
  faxId = (await db.sipAccount.create({ data: { tenantId, type: "FAX", username: `fax-${randomUUID().slice(0, 8)}`, authMd5: "0".repeat(32) } })).id;
  didId = (await seedDid(tenantId, DID, alice.id)).id;
  const bought = await seedDid(tenantId, OTHER_OWN_DID);
  await db.numberPurchase.create({
    data: { tenantId, didId: bought.id, number: OTHER_OWN_DID, tierName: "Gold", setupFee: "10", monthlyFee: "4.50000", currency: "GBP", source: "INVENTORY", idempotencyKey: randomUUID(), status: "COMPLETED", completedAt: new Date() },
  });
});

const routeOf = async (number: string) => (await loadTenantDialPlan(db, tenantId, { trunk: "trunk" })).dids.find((d) => d.number === number)?.target;
const mine = async () => (await admin.numbers.find()).find((n) => n.id === didId)!;

describe("[NUMBERS] customer admins route their numbers", () => {
  it("lists the company's numbers with price from the active purchase, or none", async () => {
    const rows = await admin.numbers.find();
    expect(rows.map((r) => r.number)).toEqual([DID, OTHER_OWN_DID]);
    expect(rows[0]).toMatchObject({ tierName: null, monthlyFee: null, currency: null, destination: { kind: "extension", extensionId: alice.id } });
    expect(rows[1]).toMatchObject({ tierName: "Gold", monthlyFee: "4.5", currency: "GBP", destination: { kind: "none" }, destinationLabel: "Not routed" });
  });

  it("offers grouped destinations: extensions, voicemail only where it is on, fax accounts", async () => {
    const { groups, isExternalAllowed } = await admin.numbers.destinations();
    expect(groups.map((g) => g.kind)).toEqual(["extension", "voicemail", "fax"]);
    expect(groups[1]!.options.map((o) => o.value)).toEqual([alice.id]);
    expect(groups[2]!.options.map((o) => o.value)).toEqual([faxId]);
    expect(isExternalAllowed).toBe(true);
  });

  it.each([
    ["extension", () => ({ kind: "extension" as const, extensionId: bob.id }), () => ({ kind: "extension", extensionId: bob.id })],
    ["voicemail", () => ({ kind: "voicemail" as const, extensionId: alice.id }), () => ({ kind: "voicemail", mailbox: `${alice.number}@${tenantId}` })],
    ["fax", () => ({ kind: "fax" as const, sipAccountId: faxId }), () => ({ kind: "fax", sipAccountId: faxId })],
    ["external", () => ({ kind: "external" as const, number: "020 7946 0123" }), () => ({ kind: "external", number: "+442079460123" })],
  ])("stores a %s destination, reads it back and routes it", async (_kind, choice, target) => {
    const saved = await admin.numbers.setDestination({ didId, destination: choice() });
    const expected = choice().kind === "external" ? { kind: "external", number: "+442079460123" } : choice();
    expect(saved.destination).toEqual(expected);
    expect((await mine()).destination).toEqual(expected);
    expect(await routeOf(DID)).toEqual(target());
  });

  it("unroutes a number with none, audits each change and tells the worker", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (m) => heard.push(`${m.channel}:${m.payload}`));
    await listener.query("LISTEN dialplan_changed");
    try {
      await admin.numbers.setDestination({ didId, destination: { kind: "none" } });
      expect((await mine()).destinationLabel).toBe("Not routed");
      expect(await routeOf(DID)).toBeUndefined();
      await expect.poll(() => heard).toContain(`dialplan_changed:${tenantId}`);
    } finally {
      await listener.end();
    }
    const audit = await db.auditLog.findFirst({ where: { tenantId, action: "number.setDestination" }, orderBy: { id: "desc" } });
    expect(audit?.details).toMatchObject({ number: DID, after: "Not routed" });
  });

  it.each([
    ["not a number", "call me"],
    ["premium rate", "09098 790000"],
    ["shared cost", "+33 8 10 12 34 56"],
    ["itself", DID],
    ["another own number", OTHER_OWN_DID],
  ])("refuses forwarding to %s with a field message and changes nothing", async (_why, number) => {
    await admin.numbers.setDestination({ didId, destination: { kind: "extension", extensionId: alice.id } });
    const audits = await db.auditLog.count({ where: { tenantId } });
    const err = await admin.numbers.setDestination({ didId, destination: { kind: "external", number } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { "destination.number": expect.any(String) } } });
    expect((await mine()).destination).toEqual({ kind: "extension", extensionId: alice.id });
    expect(await db.auditLog.count({ where: { tenantId } })).toBe(audits);
  });

  it("refuses voicemail that is off and a line that is not a fax account", async () => {
    const off = await admin.numbers.setDestination({ didId, destination: { kind: "voicemail", extensionId: bob.id } }).catch((e: unknown) => e);
    expect(off).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { "destination.extensionId": expect.stringContaining("voicemail") } } });
    const notFax = await admin.numbers.setDestination({ didId, destination: { kind: "fax", sipAccountId: alice.sipAccountId } }).catch((e: unknown) => e);
    expect(notFax).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { "destination.sipAccountId": expect.any(String) } } });
  });

  it("answers NOT_FOUND for a stock number of the partner and for another company's extension", async () => {
    const stock = await db.did.create({ data: { partnerId, number: "+442071230099", state: "AVAILABLE" } });
    await expectTrpcError(admin.numbers.setDestination({ didId: stock.id, destination: { kind: "extension", extensionId: alice.id } }), "NOT_FOUND");
    expect((await db.did.findUniqueOrThrow({ where: { id: stock.id } })).targetType).toBeNull();
    const other = await seedTenant({ partnerId, extensionUsers: 0 });
    const [theirs] = await seedExtensions(other.tenant.id, 1);
    await expectTrpcError(admin.numbers.setDestination({ didId, destination: { kind: "extension", extensionId: theirs!.id } }), "NOT_FOUND");
  });

  it("keeps extension users out", async () => {
    const { users } = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { users: { where: { role: "EXTENSION_USER" } } } });
    const user = await callerFor(users[0]!.id);
    await expectTrpcError(user.numbers.find(), "FORBIDDEN");
  });
});
