import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { heardDuring } from "@/tests/fixtures/notifications";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import type { TCallRuleInput } from "./schema";

type Caller = Awaited<ReturnType<typeof callerFor>>;

const DID = "+442071240001";

let tenantId: string;
let admin: Caller;
let alice: Caller;
let aliceExt: SeededExtension;
let bobExt: SeededExtension;
let didId: string;

const US_OFFICE_HOURS: TCallRuleInput = {
  name: "US office hours",
  isEnabled: true,
  period: { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "except" },
  callerFilter: { patterns: [], countries: ["US"] },
  dialledFilter: null,
  action: { kind: "forward", destination: { kind: "external", number: "+1 212 555 0100" } },
};
const NIGHT: TCallRuleInput = { name: "Night", isEnabled: false, period: { weekdays: [], timeRanges: [{ start: "18:00", end: "08:00" }], dateRanges: [], holidays: "any" }, callerFilter: null, dialledFilter: null, action: { kind: "voicemail" } };

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
  tenantId = world.tenant.id;
  admin = await callerFor(world.admin.id);
  alice = await callerFor(world.users[0]!.id);
  [aliceExt, bobExt] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  await db.extension.update({ where: { id: aliceExt.id }, data: { ownerUserId: world.users[0]!.id } });
  await db.extension.update({ where: { id: bobExt.id }, data: { voicemailEnabled: false } });
  didId = (await seedDid(tenantId, DID, aliceExt.id)).id;
});

const storedNames = async (where: { didId?: string; extensionId?: string }) =>
  (await db.callRule.findMany({ where, orderBy: { position: "asc" } })).map((r) => [r.position, r.name]);

describe("[CALL_RULES] saving a number's or extension's ordered rules", () => {
  it("replaces the list in order, stores external numbers as E.164, audits and tells the worker", async () => {
    await heardDuring("dialplan_changed", async (heard) => {
      const saved = await admin.callRules.save({ owner: { didId }, rules: [US_OFFICE_HOURS, NIGHT] });
      expect(saved.owner).toEqual({ kind: "did", id: didId, label: DID });
      expect(saved.rules.map((r) => r.name)).toEqual(["US office hours", "Night"]);
      expect(saved.rules[0]!.action).toEqual({ kind: "forward", destination: { kind: "external", number: "+12125550100" } });
      expect(saved.rules[1]).toMatchObject({ isEnabled: false, callerFilter: null, dialledFilter: null });
      await expect.poll(() => heard).toContain(`dialplan_changed:${tenantId}`);
    });
    const reordered = await admin.callRules.save({ owner: { didId }, rules: [NIGHT, US_OFFICE_HOURS] });
    expect(reordered.rules.map((r) => r.name)).toEqual(["Night", "US office hours"]);
    expect(await storedNames({ didId })).toEqual([[0, "Night"], [1, "US office hours"]]);
    expect((await admin.callRules.list({ owner: { didId } })).rules.map((r) => r.name)).toEqual(["Night", "US office hours"]);
    const audit = await db.auditLog.findFirst({ where: { tenantId, action: "routing.rules.save" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entityType: "Did", entityId: didId, details: { owner: DID, before: ["US office hours", "Night"], after: ["Night", "US office hours"] } });
  });

  it.each([
    ["a control character in the name", { ...NIGHT, name: "Night\u0000" }, ["rules", 1, "name"]],
    ["an unknown country", { ...US_OFFICE_HOURS, callerFilter: { patterns: [], countries: ["XX"] } }, ["rules", 1, "callerFilter", "countries", 0]],
    ["a caller filter naming nobody", { ...US_OFFICE_HOURS, callerFilter: { patterns: [], countries: [] } }, ["rules", 1, "callerFilter", "patterns"]],
    ["a time range of no length", { ...NIGHT, period: { ...NIGHT.period!, timeRanges: [{ start: "09:00", end: "09:00" }] } }, ["rules", 1, "period", "timeRanges", 0, "end"]],
    ["a pattern with letters", { ...NIGHT, dialledFilter: [{ number: "+44abc", match: "prefix" }] }, ["rules", 1, "dialledFilter", 0, "number"]],
    ["a message that does not exist", { ...NIGHT, action: { kind: "message", message: "custom" } }, ["rules", 1, "action", "message"]],
  ])("refuses %s with an issue at the rule's field, and keeps the old list", async (_why, bad, path) => {
    const before = await storedNames({ didId });
    const err = await admin.callRules.save({ owner: { didId }, rules: [NIGHT, bad as TCallRuleInput] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    const issues = (err as { cause: { issues: { path: unknown[] }[] } }).cause.issues;
    expect(issues.map((i) => i.path)).toContainEqual(path);
    expect(await storedNames({ didId })).toEqual(before);
  });

  it("refuses more than 50 rules", async () => {
    await expectTrpcError(admin.callRules.save({ owner: { didId }, rules: Array.from({ length: 51 }, (_, i) => ({ ...NIGHT, name: `R${i}` })) }), "BAD_REQUEST");
  });

  it.each([
    ["forwarding an extension to itself", () => ({ extensionId: aliceExt.id }), () => ({ kind: "extension" as const, extensionId: aliceExt.id }), "BAD_REQUEST"],
    ["forwarding to a premium-rate number", () => ({ didId }), () => ({ kind: "external" as const, number: "09098 790000" }), "BAD_REQUEST"],
    ["forwarding to a hunt group that does not exist", () => ({ didId }), () => ({ kind: "huntGroup" as const, huntGroupId: "nope" }), "NOT_FOUND"],
  ])("refuses %s with a field error on the rule, writing nothing", async (_why, owner, destination, code) => {
    const where = owner();
    const [before, audits] = [await storedNames(where), await db.auditLog.count({ where: { tenantId } })];
    const rules = [NIGHT, { ...NIGHT, name: "Fwd", action: { kind: "forward" as const, destination: destination() } }];
    const err = await admin.callRules.save({ owner: where, rules }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, cause: { fieldErrors: { "rules.1.action.destination": expect.any(String) } } });
    expect(await storedNames(where)).toEqual(before);
    expect(await db.auditLog.count({ where: { tenantId } })).toBe(audits);
  });

  it("refuses a voicemail rule on an extension whose voicemail is off", async () => {
    const err = await admin.callRules.save({ owner: { extensionId: bobExt.id }, rules: [NIGHT] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { "rules.0.action": expect.stringContaining("voicemail") } } });
  });

  it("lets an extension user keep their own extension's rules, and nothing else", async () => {
    const saved = await alice.callRules.save({ owner: { extensionId: aliceExt.id }, rules: [NIGHT] });
    expect(saved.owner).toMatchObject({ kind: "extension", label: `${aliceExt.number} · User ${aliceExt.number}` });
    expect((await alice.callRules.list({ owner: { extensionId: aliceExt.id } })).rules).toHaveLength(1);
    await expectTrpcError(alice.callRules.list({ owner: { extensionId: bobExt.id } }), "FORBIDDEN");
    await expectTrpcError(alice.callRules.save({ owner: { extensionId: bobExt.id }, rules: [] }), "FORBIDDEN");
    await expectTrpcError(alice.callRules.list({ owner: { didId } }), "FORBIDDEN");
    await expectTrpcError(alice.callRules.save({ owner: { didId }, rules: [] }), "FORBIDDEN");
    expect((await admin.callRules.list({ owner: { extensionId: bobExt.id } })).rules).toEqual([]);
  });

  it("offers hunt groups and extensions as forward destinations", async () => {
    const group = await db.huntGroup.create({ data: { tenantId, number: "600", name: "Sales" } });
    const { groups, isExternalAllowed } = await alice.callRules.destinations();
    expect(groups.map((g) => g.label)).toEqual(["Extensions", "Voicemail", "Hunt groups"]);
    expect(groups.at(-1)!.options).toEqual([{ destination: { kind: "huntGroup", huntGroupId: group.id }, label: "600 · Sales", hint: "No members yet" }]);
    expect(isExternalAllowed).toBe(true);
  });

  it("lets a number with rules be cancelled: its rules go with it", async () => {
    const other = await seedDid(tenantId, "+442071240002");
    await admin.callRules.save({ owner: { didId: other.id }, rules: [NIGHT] });
    await admin.numberShop.cancel({ didId: other.id });
    expect(await db.callRule.count({ where: { didId: other.id } })).toBe(0);
    expect((await db.did.findUniqueOrThrow({ where: { id: other.id } })).tenantId).toBeNull();
  });
});
