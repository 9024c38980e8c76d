import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { flowId } from "@/server/telephony/engine";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import type { TCallRuleInput } from "../rules/schema";

type Caller = Awaited<ReturnType<typeof callerFor>>;

const DID = "+442071250001";
const US_CALLER = "+1 212 555 0100";
const FORWARD_TO = "+12125550199";
/** 2027-03-01 is a Monday; the clocks go forward in London at 01:00 on Sunday 2027-03-28. */
const MONDAY_10 = "2027-03-01T10:00";
const MONDAY_NIGHT = "2027-03-01T22:00";

let admin: Caller;
let alice: Caller;
let aliceExt: SeededExtension;
let bobExt: SeededExtension;
let didId: string;
let ruleIds: string[];

const US_OFFICE_HOURS: TCallRuleInput = {
  name: "US office hours",
  isEnabled: true,
  period: { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "any" },
  callerFilter: { patterns: [], countries: ["US"] },
  dialledFilter: null,
  action: { kind: "forward", destination: { kind: "external", number: FORWARD_TO } },
};
const UK_CALLERS: TCallRuleInput = { ...US_OFFICE_HOURS, name: "UK callers", period: null, callerFilter: { patterns: [], countries: ["GB"] }, action: { kind: "voicemail" } };

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
  admin = await callerFor(world.admin.id);
  alice = await callerFor(world.users[0]!.id);
  [aliceExt, bobExt] = (await seedExtensions(world.tenant.id, 2)) as [SeededExtension, SeededExtension];
  await db.extension.update({ where: { id: aliceExt.id }, data: { ownerUserId: world.users[0]!.id } });
  didId = (await seedDid(world.tenant.id, DID, aliceExt.id)).id;
  ruleIds = (await admin.callRules.save({ owner: { didId }, rules: [UK_CALLERS, US_OFFICE_HOURS] })).rules.map((r) => r.id);
});

const ask = (caller: Caller, at: string, from = US_CALLER) => caller.routing.whatIf({ entry: { didId }, caller: from, at });

describe("[WHAT_IF] the engine's own answer to a question call", () => {
  it("forwards a US caller at once on Monday 10:00, saying which rule matched and why the other did not", async () => {
    const answer = await ask(admin, MONDAY_10);
    expect(answer.ruleChecks.map((c) => [c.name, c.outcome])).toEqual([["UK callers", "notMatched"], ["US office hours", "matched"]]);
    expect(answer.ruleChecks[0]!.reason).toMatch(/from United States, not United Kingdom/);
    expect(answer.ruleChecks[1]!.reason).toMatch(/United States/);
    expect(answer.steps.join("\n")).toContain(FORWARD_TO);
    expect(answer.path.slice(0, 3)).toEqual([flowId.did(DID), flowId.rule(ruleIds[0]!), flowId.rule(ruleIds[1]!)]);
    expect(answer.at.toISOString()).toBe("2027-03-01T10:00:00.000Z");
    expect(answer.graph.rootId).toBe(flowId.did(DID));
  });

  it("rings normally for the same call at night, with the period as the reason", async () => {
    const answer = await ask(admin, MONDAY_NIGHT);
    expect(answer.ruleChecks.map((c) => c.outcome)).toEqual(["notMatched", "notMatched"]);
    expect(answer.ruleChecks[1]!.reason).toMatch(/22:00/);
    expect(answer.path).toContain(flowId.noRuleMatched(flowId.did(DID)));
    expect(answer.path.at(-1)).toBe(flowId.ring(aliceExt.id));
    expect(answer.steps.join("\n")).not.toContain(FORWARD_TO);
  });

  it("refuses a time the clocks skip, and a caller that is not a number", async () => {
    const gap = await ask(admin, "2027-03-28T01:30").catch((e: unknown) => e);
    expect(gap).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { at: expect.stringContaining("does not exist") } } });
    const bad = await ask(admin, MONDAY_10, "call me").catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { caller: expect.any(String) } } });
    await expectTrpcError(ask(admin, MONDAY_10, "ab\u0000cd"), "BAD_REQUEST");
  });

  it("answers for a withheld caller, and for an extension reached from outside or from a colleague", async () => {
    expect((await ask(admin, MONDAY_10, "withheld")).ruleChecks[0]!.reason).toBe("caller withheld their number");
    await admin.callRules.save({ owner: { extensionId: aliceExt.id }, rules: [{ ...US_OFFICE_HOURS, name: "Alice's US calls" }] });
    const outside = await alice.routing.whatIf({ entry: { extensionId: aliceExt.id }, caller: US_CALLER, at: MONDAY_10 });
    expect(outside.ruleChecks.map((c) => [c.name, c.outcome])).toEqual([["Alice's US calls", "matched"]]);
    const colleague = await alice.routing.whatIf({ entry: { extensionId: aliceExt.id }, caller: bobExt.number, at: MONDAY_10 });
    expect(colleague.ruleChecks[0]).toMatchObject({ outcome: "notMatched" });
  });

  it("answers for a hunt group, reached from outside through the number dialled", async () => {
    const group = await db.huntGroup.create({ data: { tenantId: (await db.did.findUniqueOrThrow({ where: { id: didId } })).tenantId!, number: "600", name: "Sales" } });
    await db.huntGroupMember.create({ data: { tenantId: group.tenantId, huntGroupId: group.id, extensionId: bobExt.id, position: 0 } });
    const answer = await admin.routing.whatIf({ entry: { huntGroupId: group.id }, caller: US_CALLER, dialled: "020 7125 0009", at: MONDAY_10 });
    expect(answer.path).toContain(flowId.huntGroup(group.id));
    expect(answer.path).toContain(flowId.huntMember(group.id, bobExt.id));
    expect(answer.ruleChecks).toEqual([]);
    expect(answer.graph.rootId).toBe(flowId.huntGroup(group.id));
    const bad = await admin.routing.whatIf({ entry: { huntGroupId: group.id }, caller: US_CALLER, dialled: "not a number", at: MONDAY_10 }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { dialled: expect.any(String) } } });
    await expectTrpcError(alice.routing.whatIf({ entry: { huntGroupId: group.id }, caller: US_CALLER, at: MONDAY_10 }), "FORBIDDEN");
  });

  it("gives extension users their own extension only", async () => {
    await expectTrpcError(alice.routing.whatIf({ entry: { extensionId: bobExt.id }, caller: US_CALLER, at: MONDAY_10 }), "FORBIDDEN");
    await expectTrpcError(ask(alice, MONDAY_10), "FORBIDDEN");
    await expectTrpcError(alice.routing.callFlow({ entry: { didId } }), "FORBIDDEN");
    expect((await alice.routing.callFlow({ entry: { extensionId: aliceExt.id } })).graph.rootId).toBe(flowId.extension(aliceExt.id));
  });

  it("draws the number's call flow with its rules, and names the number's page", async () => {
    const { graph, didIds } = await admin.routing.callFlow({ entry: { didId } });
    expect(graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([flowId.did(DID), flowId.rule(ruleIds[0]!), flowId.rule(ruleIds[1]!)]));
    expect(didIds[DID]).toBe(didId);
  });
});
