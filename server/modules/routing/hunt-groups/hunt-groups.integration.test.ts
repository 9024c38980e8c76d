import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import type { TCreateHuntGroupInput } from "./schema";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenantId: string;
let admin: Caller;
let user: Caller;
let alice: SeededExtension;
let bob: SeededExtension;
let carol: SeededExtension;

const input = (overrides: Partial<TCreateHuntGroupInput> = {}): TCreateHuntGroupInput => ({
  name: "Sales",
  number: "600",
  strategy: "inOrder",
  leastUsedBy: "answeredToday",
  ringSec: 60,
  allowCallWaiting: false,
  overflow: null,
  members: [
    { extensionId: alice.id, ringSec: 15 },
    { extensionId: bob.id, ringSec: 20 },
  ],
  ...overrides,
});

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e as { code: string; cause?: { fieldErrors?: Record<string, string> } });
  expect(err, "expected the call to be refused").not.toBeNull();
  return { code: err!.code, fields: err!.cause?.fieldErrors ?? {} };
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
  tenantId = world.tenant.id;
  admin = await callerFor(world.admin.id);
  user = await callerFor(world.users[0]!.id);
  [alice, bob, carol] = (await seedExtensions(tenantId, 3)) as [SeededExtension, SeededExtension, SeededExtension];
});

describe("[HUNT_GROUPS] customer admins build hunt groups", () => {
  let groupId: string;

  it("creates a group with its members in order, audited", async () => {
    const group = await admin.huntGroups.create(input({ overflow: { kind: "voicemail", extensionId: null } }));
    groupId = group.id;
    expect(group).toMatchObject({ number: "600", name: "Sales", strategy: "inOrder", overflow: { kind: "voicemail", extensionId: null } });
    expect(group.members.map((m) => [m.number, m.ringSec])).toEqual([[alice.number, 15], [bob.number, 20]]);
    expect((await admin.huntGroups.list()).map((g) => g.id)).toEqual([group.id]);
    expect(await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "huntGroup.create" } })).toMatchObject({ entityId: group.id, details: { number: "600", members: 2 } });
  });

  it("reorders members and changes strategy on update, keeping the round-robin cursor", async () => {
    await db.huntGroup.update({ where: { id: groupId }, data: { roundRobinCursor: 7 } });
    const updated = await admin.huntGroups.update({
      id: groupId,
      ...input({ strategy: "roundRobin", members: [{ extensionId: carol.id, ringSec: 30 }, { extensionId: alice.id, ringSec: 15 }, { extensionId: bob.id, ringSec: 20 }] }),
    });
    expect(updated.members.map((m) => m.extensionId)).toEqual([carol.id, alice.id, bob.id]);
    expect((await admin.huntGroups.find({ id: groupId })).members.map((m) => m.extensionId)).toEqual([carol.id, alice.id, bob.id]);
    expect((await db.huntGroup.findUniqueOrThrow({ where: { id: groupId } })).roundRobinCursor).toBe(7);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "huntGroup.update" } });
    expect(audit.details).toMatchObject({ before: { strategy: "in order", members: "201, 202" }, after: { strategy: "round robin", members: "203, 201, 202" } });
  });

  it("refuses a member that is not the company's, naming it, and changes nothing", async () => {
    const before = await admin.huntGroups.find({ id: groupId });
    const bad = input({ members: [{ extensionId: alice.id, ringSec: 15 }, { extensionId: "c000000000000000000000000", ringSec: 15 }] });
    expect(await refusal(admin.huntGroups.update({ id: groupId, ...bad, name: "Renamed" }))).toEqual({ code: "NOT_FOUND", fields: { "members.1.extensionId": "That extension does not exist." } });
    expect(await admin.huntGroups.find({ id: groupId })).toEqual(before);
  });

  it("refuses an overflow into itself and duplicate members", async () => {
    expect((await refusal(admin.huntGroups.update({ id: groupId, ...input({ overflow: { kind: "huntGroup", huntGroupId: groupId } }) }))).fields).toEqual({ overflow: "A hunt group cannot overflow into itself." });
    const dup = await refusal(admin.huntGroups.create(input({ number: "601", members: [{ extensionId: alice.id, ringSec: 15 }, { extensionId: alice.id, ringSec: 15 }] })));
    expect(dup.code).toBe("BAD_REQUEST");
    expect(await db.huntGroup.count({ where: { tenantId } })).toBe(1);
  });

  it("keeps one number space with extensions, both ways", async () => {
    expect(await refusal(admin.huntGroups.create(input({ number: alice.number })))).toMatchObject({ code: "CONFLICT", fields: { number: expect.stringContaining(`Extension ${alice.number}`) } });
    expect(await refusal(admin.huntGroups.create(input({ name: "Again" })))).toMatchObject({ code: "CONFLICT", fields: { number: expect.stringContaining("Hunt group 600") } });
    const renumber = { id: alice.id, number: "600", displayName: "User 201", ownerUserId: "", voicemailEnabled: true, voicemailPin: "", outboundCli: "" };
    expect(await refusal(admin.extension.update(renumber))).toMatchObject({ code: "CONFLICT", fields: { number: expect.stringContaining("Hunt group 600") } });
    // A group keeps its own number on update.
    await expect(admin.huntGroups.update({ id: groupId, ...input() })).resolves.toMatchObject({ number: "600" });
  });

  it("lets a number ring the group, and unroutes it when the group is deleted", async () => {
    const did = await seedDid(tenantId, "+442071238001");
    const routed = await admin.numbers.setDestination({ didId: did.id, destination: { kind: "huntGroup", huntGroupId: groupId } });
    expect(routed).toMatchObject({ destination: { kind: "huntGroup", huntGroupId: groupId }, destinationLabel: "Hunt group 600 · Sales" });
    await admin.huntGroups.delete({ id: groupId });
    expect(await db.huntGroupMember.count({ where: { huntGroupId: groupId } })).toBe(0);
    expect(await db.did.findUniqueOrThrow({ where: { id: did.id } })).toMatchObject({ targetType: null, targetHuntGroupId: null });
    expect(await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "huntGroup.delete" } })).toMatchObject({ details: { number: "600", unroutedDids: 1 } });
    await expectTrpcError(admin.huntGroups.find({ id: groupId }), "NOT_FOUND");
  });

  it("is for administrators only", async () => {
    await expectTrpcError(user.huntGroups.list(), "FORBIDDEN");
    await expectTrpcError(user.huntGroups.create(input({ number: "602" })), "FORBIDDEN");
  });
});
