import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedPrompt } from "@/tests/fixtures/seed-ivr-queues";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import type { TCreateCallQueueInput } from "./schema";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenantId: string;
let admin: Caller;
let ursula: Caller;
let victor: Caller;
let alice: SeededExtension;
let bob: SeededExtension;
let carol: SeededExtension;
let promptId: string;

const input = (overrides: Partial<TCreateCallQueueInput> = {}): TCreateCallQueueInput => ({
  name: "Support",
  number: "700",
  strategy: "ringAll",
  leastUsedBy: "longestIdle",
  memberRingSec: 15,
  retrySec: 5,
  maxWaitSec: 300,
  timeoutDestination: { kind: "voicemail", extensionId: null },
  holdPromptId: null,
  announcePosition: true,
  announceWaitTime: false,
  announceEverySec: 60,
  whenNoMembers: "wait",
  noMembersDestination: null,
  members: [alice.id, bob.id],
  ...overrides,
});

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e as { code: string; cause?: { fieldErrors?: Record<string, string> } });
  expect(err, "expected the call to be refused").not.toBeNull();
  return { code: err!.code, fields: err!.cause?.fieldErrors ?? {} };
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 2 });
  tenantId = world.tenant.id;
  admin = await callerFor(world.admin.id);
  ursula = await callerFor(world.users[0]!.id);
  victor = await callerFor(world.users[1]!.id);
  [alice, bob, carol] = (await seedExtensions(tenantId, 3)) as [SeededExtension, SeededExtension, SeededExtension];
  // Ursula owns Alice's extension, Victor owns Bob's.
  await db.extension.update({ where: { id: alice.id }, data: { ownerUserId: world.users[0]!.id } });
  await db.extension.update({ where: { id: bob.id }, data: { ownerUserId: world.users[1]!.id } });
  promptId = (await seedPrompt(tenantId, "hold music")).id;
});

describe("[QUEUES] customer admins build call queues", () => {
  let queueId: string;

  it("creates a queue with members in order and a hold prompt, audited", async () => {
    const queue = await admin.callQueues.create(input({ holdPromptId: promptId }));
    queueId = queue.id;
    expect(queue).toMatchObject({ number: "700", name: "Support", strategy: "ringAll", holdPromptId: promptId, maxWaitSec: 300, whenNoMembers: "wait", noMembersDestination: null });
    expect(queue.members.map((m) => [m.number, m.isLoggedIn])).toEqual([[alice.number, true], [bob.number, true]]);
    expect((await admin.callQueues.list()).map((q) => q.id)).toEqual([queue.id]);
    expect((await admin.callQueues.memberOptions()).map((o) => o.id)).toEqual([alice.id, bob.id, carol.id]);
    expect(await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "callQueue.create" } })).toMatchObject({ entityId: queue.id, details: { number: "700", members: "201, 202" } });
  });

  it("reorders members on update and keeps who is logged out", async () => {
    await db.callQueueMember.updateMany({ where: { queueId, extensionId: bob.id }, data: { isLoggedIn: false } });
    const updated = await admin.callQueues.update({ id: queueId, ...input({ strategy: "roundRobin", members: [carol.id, bob.id, alice.id], whenNoMembers: "leave", noMembersDestination: { kind: "extension", extensionId: carol.id } }) });
    expect(updated.members.map((m) => [m.extensionId, m.isLoggedIn])).toEqual([[carol.id, true], [bob.id, false], [alice.id, true]]);
    expect(updated).toMatchObject({ strategy: "roundRobin", whenNoMembers: "leave", noMembersDestination: { kind: "extension", extensionId: carol.id } });
  });

  it("validates bounds and references, naming the field, and changes nothing", async () => {
    const before = await admin.callQueues.find({ id: queueId });
    for (const bad of [{ maxWaitSec: 9 }, { maxWaitSec: 7201 }, { memberRingSec: 4 }, { retrySec: 61 }, { announceEverySec: 10 }, { members: [alice.id, alice.id] }]) {
      expect((await refusal(admin.callQueues.update({ id: queueId, ...input(bad) }))).code, JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await refusal(admin.callQueues.update({ id: queueId, ...input({ members: [alice.id, "c000000000000000000000000"] }) }))).toEqual({ code: "NOT_FOUND", fields: { "members.1": "That extension does not exist." } });
    expect(await refusal(admin.callQueues.update({ id: queueId, ...input({ holdPromptId: "c000000000000000000000000" }) }))).toEqual({ code: "NOT_FOUND", fields: { holdPromptId: "That voice prompt does not exist." } });
    expect((await refusal(admin.callQueues.update({ id: queueId, ...input({ timeoutDestination: { kind: "queue", queueId } }) }))).fields).toEqual({ timeoutDestination: "A queue cannot send its callers back into itself." });
    expect(await admin.callQueues.find({ id: queueId })).toEqual(before);
  });

  it("keeps one number space with extensions and hunt groups, both ways", async () => {
    expect(await refusal(admin.callQueues.create(input({ number: alice.number })))).toMatchObject({ code: "CONFLICT", fields: { number: expect.stringContaining(`Extension ${alice.number}`) } });
    expect(await refusal(admin.callQueues.create(input({ name: "Again" })))).toMatchObject({ code: "CONFLICT", fields: { number: expect.stringContaining("Call queue 700") } });
    const group = { name: "Sales", number: "700", strategy: "ringAll" as const, leastUsedBy: "answeredToday" as const, ringSec: 60, allowCallWaiting: false, overflow: null, members: [] };
    expect(await refusal(admin.huntGroups.create(group))).toMatchObject({ code: "CONFLICT", fields: { number: expect.stringContaining("Call queue 700") } });
    await expect(admin.callQueues.update({ id: queueId, ...input() })).resolves.toMatchObject({ number: "700" });
  });

  it("lets members log themselves in and out, never a colleague", async () => {
    const out = await ursula.callQueues.setMemberLogin({ queueId, extensionId: alice.id, isLoggedIn: false });
    expect(out).toMatchObject({ isLoggedIn: false });
    const row = await db.callQueueMember.findFirstOrThrow({ where: { queueId, extensionId: alice.id } });
    expect(row.isLoggedIn).toBe(false);
    expect(Date.now() - row.loginChangedAt.getTime()).toBeLessThan(60_000);
    // Bob was logged out above; Ursula cannot log him back in.
    await expectTrpcError(ursula.callQueues.setMemberLogin({ queueId, extensionId: bob.id, isLoggedIn: true }), "FORBIDDEN");
    expect((await db.callQueueMember.findFirstOrThrow({ where: { queueId, extensionId: bob.id } })).isLoggedIn).toBe(false);
    await expectTrpcError(ursula.callQueues.setMemberLogin({ queueId, extensionId: carol.id, isLoggedIn: true }), "NOT_FOUND");
    // An admin may log anyone in or out.
    await expect(admin.callQueues.setMemberLogin({ queueId, extensionId: bob.id, isLoggedIn: true })).resolves.toMatchObject({ isLoggedIn: true });
    expect(await db.auditLog.count({ where: { tenantId, action: "callQueue.setMemberLogin" } })).toBe(2);
  });

  it("shows callers waiting and the longest wait; extension users see their own memberships only", async () => {
    const joinedAt = new Date(Date.now() - 90_000);
    await db.queueWaitingCall.createMany({ data: [{ tenantId, queueId, channelId: "ch-1", callerLabel: "+447700900001", joinedAt }, { tenantId, queueId, channelId: "ch-2", callerLabel: "+447700900002", joinedAt: new Date() }] });
    const [live] = await admin.callQueues.live();
    expect(live).toMatchObject({ id: queueId, waitingCount: 2, longestWaitingSince: joinedAt, loggedInCount: 1 });
    expect(live!.members.map((m) => [m.extensionId, m.isLoggedIn])).toEqual([[alice.id, false], [bob.id, true]]);
    const [mine] = await ursula.callQueues.live();
    expect(mine!.members.map((m) => m.extensionId)).toEqual([alice.id]);
    await db.callQueueMember.deleteMany({ where: { queueId, extensionId: alice.id } });
    expect(await ursula.callQueues.live()).toEqual([]);
    expect(await victor.callQueues.live()).toHaveLength(1);
  });

  it("lets a number ring the queue, and unroutes it when the queue is deleted", async () => {
    const did = await seedDid(tenantId, "+442071238201");
    expect(await admin.numbers.setDestination({ didId: did.id, destination: { kind: "queue", queueId } })).toMatchObject({ destinationLabel: "Call queue 700 · Support" });
    await admin.callQueues.delete({ id: queueId });
    expect(await db.did.findUniqueOrThrow({ where: { id: did.id } })).toMatchObject({ targetType: null, targetQueueId: null });
    expect(await db.callQueueMember.count({ where: { queueId } })).toBe(0);
    await expectTrpcError(admin.callQueues.find({ id: queueId }), "NOT_FOUND");
  });

  it("is configured by administrators only", async () => {
    await expectTrpcError(ursula.callQueues.list(), "FORBIDDEN");
    await expectTrpcError(ursula.callQueues.memberOptions(), "FORBIDDEN");
    await expectTrpcError(ursula.callQueues.create(input({ number: "701" })), "FORBIDDEN");
  });
});
