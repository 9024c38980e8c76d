/**
 * The dial-plan loader reads the call-routing configuration into the engine's input: DND,
 * forwarding, follow-me (by position), hunt groups (members by position), rules of numbers and
 * extensions (disabled ones too), holidays; rows that do not fit their schema are left out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { OFFICE_HOURS, seedFollowMe, seedHuntGroup, seedRules } from "@/tests/fixtures/seed-routing";
import { createLogger } from "../log";
import { loadTenantDialPlan } from "./load-dial-plan";

let tenantId: string;
let alice: SeededExtension;
let bob: SeededExtension;
let carol: SeededExtension;
let groupId: string;
let didId: string;
const logs: Record<string, unknown>[] = [];
const log = createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
const load = () => loadTenantDialPlan(db, tenantId, { trunk: "trunk", log });

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [alice, bob, carol] = (await seedExtensions(tenantId, 3)) as [SeededExtension, SeededExtension, SeededExtension];
  await db.extension.update({
    where: { id: bob.id },
    data: { doNotDisturb: true, forwardBusy: { kind: "voicemail", extensionId: null }, forwardNoAnswer: { kind: "external", number: "+447700900123" }, forwardAlways: { kind: "nonsense" } },
  });
  await seedFollowMe(tenantId, alice.id, [
    { destination: { kind: "extension", extensionId: bob.id }, ringSec: 10 },
    { destination: { kind: "bogus" } },
    { destination: { kind: "external", number: "+447700900222" }, ringSec: 15, confirmAnswer: true, activePeriod: OFFICE_HOURS },
  ], { ringSelfSec: 5 });
  // Written out of position order, so only ordering by position gives [carol, alice].
  const group = await seedHuntGroup(tenantId, { number: "600", strategy: "ROUND_ROBIN", ringSec: 30, overflow: { kind: "voicemail", extensionId: alice.id }, members: [] });
  groupId = group.id;
  await db.huntGroupMember.create({ data: { tenantId, huntGroupId: groupId, extensionId: alice.id, position: 2, ringSec: 7 } });
  await db.huntGroupMember.create({ data: { tenantId, huntGroupId: groupId, extensionId: carol.id, position: 1 } });
  didId = (await seedDid(tenantId, "+441632960501", null)).id;
  await db.did.update({ where: { id: didId }, data: { targetType: "HUNT_GROUP", targetHuntGroupId: groupId } });
  await seedRules(tenantId, { didId }, [
    { name: "USA in office hours", period: OFFICE_HOURS, callerFilter: { patterns: [], countries: ["US"] }, action: { kind: "forward", destination: { kind: "external", number: "+12125550100" } } },
    { name: "Off", isEnabled: false, action: { kind: "reject", cause: "busy" } },
    { name: "Broken", action: { kind: "explode" } },
    { name: "Night", dialledFilter: [{ number: "+44", match: "prefix" }], action: { kind: "message", message: "goodbye" } },
  ]);
  await seedRules(tenantId, { extensionId: carol.id }, [{ action: { kind: "voicemail" } }]);
  await db.holiday.createMany({ data: [{ tenantId, date: new Date("2026-12-25"), name: "Christmas" }, { tenantId, date: new Date("2026-12-26"), name: "Boxing Day" }] });
});

describe("[ROUTING] dial-plan loader", () => {
  it("reads DND and forwarding, leaving an unreadable forward out", async () => {
    const ext = (await load()).extensions.find((e) => e.id === bob.id)!;
    expect(ext.doNotDisturb).toBe(true);
    expect(ext.forwarding).toEqual({ always: null, busy: { kind: "voicemail", mailbox: `general@${tenantId}` }, noAnswer: { kind: "external", number: "+447700900123" } });
    expect(ext.followMe).toBeNull();
    expect(logs).toContainEqual(expect.objectContaining({ msg: "stored routing value does not fit its schema; left out", table: "Extension", id: bob.id, column: "forwardAlways", tenantId }));
  });

  it("reads follow-me steps in order, with ring times, confirm and active periods", async () => {
    const ext = (await load()).extensions.find((e) => e.id === alice.id)!;
    expect(ext.followMe).toMatchObject({ strategy: "sequential", ringSelfFirstSec: 5 });
    expect(ext.followMe!.steps.map(({ id: _id, ...s }) => s)).toEqual([
      { destination: { kind: "extension", extensionId: bob.id }, ringSec: 10, confirm: false, activePeriod: null },
      { destination: { kind: "external", number: "+447700900222", confirm: true }, ringSec: 15, confirm: true, activePeriod: OFFICE_HOURS },
    ]);
  });

  it("reads hunt groups with members by position, and a number pointing at one", async () => {
    const plan = await load();
    expect(plan.huntGroups).toEqual([{
      id: groupId, number: "600", name: "Group 600", strategy: "roundRobin", leastUsedBy: "answeredToday", ringSec: 30, allowCallWaiting: false,
      overflow: { kind: "voicemail", mailbox: `201@${tenantId}` },
      members: [{ extensionId: carol.id, ringSec: 20 }, { extensionId: alice.id, ringSec: 7 }],
    }]);
    expect(plan.dids.find((d) => d.number === "+441632960501")?.target).toEqual({ kind: "huntGroup", huntGroupId: groupId });
  });

  it("reads rules in order, disabled ones too, and drops a rule that does not fit", async () => {
    const plan = await load();
    const rules = plan.dids.find((d) => d.number === "+441632960501")!.rules!;
    expect(rules.map((r) => [r.name, r.isEnabled])).toEqual([["USA in office hours", true], ["Off", false], ["Night", true]]);
    expect(rules[0]).toMatchObject({ period: OFFICE_HOURS, callerFilter: { patterns: [], countries: ["US"] }, dialledFilter: null, action: { kind: "forward", destination: { kind: "external", number: "+12125550100" } } });
    expect(rules[2]).toMatchObject({ period: null, callerFilter: null, dialledFilter: [{ number: "+44", match: "prefix" }] });
    expect(plan.extensions.find((e) => e.id === carol.id)!.rules).toMatchObject([{ action: { kind: "voicemail" }, isEnabled: true }]);
    expect(logs).toContainEqual(expect.objectContaining({ table: "CallRule", column: "action" }));
  });

  it("reads the tenant's holidays as local dates", async () => {
    expect((await load()).holidays).toEqual(["2026-12-25", "2026-12-26"]);
  });
});
