/**
 * The routing state read per call for hunt groups, and the round-robin claim: compare-and-set
 * on HuntGroup.roundRobinCursor, all claims of a plan or none, and exactly one winner when
 * several calls (or workers) claim the same cursor at once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { seedHuntGroup } from "@/tests/fixtures/seed-routing";
import { claimQueueRoundRobin } from "./queue-waiting-store";
import { claimRoundRobin, loadRoutingState } from "./routing-state-store";

let tenantId: string;
let otherTenantId: string;
let exts: SeededExtension[];
let groupA: string;
let groupB: string;
const NOW = new Date("2026-12-03T15:00:00Z"); // 10:00 in New York

const record = (n: number, extensionId: string | null, endedAt: string, over: { disposition?: "ANSWERED" | "NO_ANSWER"; tenant?: string } = {}) => ({
  tenantId: over.tenant ?? tenantId, channelId: `rs-${tenantId}-${n}`, direction: "INBOUND" as const, callerNumber: "+12125550100", calledNumber: "600",
  startedAt: new Date(Date.parse(endedAt) - 60_000), answeredAt: over.disposition === "NO_ANSWER" ? null : new Date(Date.parse(endedAt) - 30_000),
  endedAt: new Date(endedAt), disposition: over.disposition ?? "ANSWERED", answeredByExtensionId: extensionId,
});

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  otherTenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  exts = await seedExtensions(tenantId, 3);
  const [a, b, c] = exts as [SeededExtension, SeededExtension, SeededExtension];
  groupA = (await seedHuntGroup(tenantId, { number: "600", strategy: "ROUND_ROBIN", members: [{ extensionId: a.id }, { extensionId: b.id }] })).id;
  groupB = (await seedHuntGroup(tenantId, { number: "601", strategy: "ROUND_ROBIN", members: [{ extensionId: c.id }] })).id;
  await db.huntGroup.update({ where: { id: groupA }, data: { roundRobinCursor: 7 } });
  await db.extensionCallState.createMany({ data: [
    { tenantId, extensionId: a.id, state: "IN_CALL" },
    { tenantId, extensionId: b.id, state: "RINGING" },
    { tenantId, extensionId: c.id, state: "ON_HOLD" },
  ] });
  await db.callRecord.createMany({ data: [
    record(1, a.id, "2026-12-03T14:00:00Z"), // today in New York
    record(2, a.id, "2026-12-03T14:30:00Z"),
    record(3, b.id, "2026-12-03T04:30:00Z"), // yesterday there (23:30), today in London
    record(4, null, "2026-12-03T14:40:00Z", { disposition: "NO_ANSWER" }),
    record(5, b.id, "2026-12-03T14:50:00Z", { tenant: otherTenantId }),
  ] });
});

describe("[ROUTING] routing state", () => {
  it("reads busy members, answered calls today in the tenant's zone, the last call's end and cursors", async () => {
    const [a, b, c] = exts as [SeededExtension, SeededExtension, SeededExtension];
    const state = await loadRoutingState(db, tenantId, "America/New_York", NOW, () => 0.25);
    expect([...state.busyExtensionIds].sort()).toEqual([a.id, c.id].sort());
    expect(state.usage.get(a.id)).toEqual({ answeredToday: 2, lastCallEndedAt: new Date("2026-12-03T14:30:00Z") });
    expect(state.usage.get(b.id)).toEqual({ answeredToday: 0, lastCallEndedAt: new Date("2026-12-03T04:30:00Z") });
    expect(state.usage.has(c.id)).toBe(false);
    expect(state.roundRobinCursors).toEqual(new Map([[groupA, 7], [groupB, 0]]));
    expect(state.random()).toBe(0.25);
    const london = await loadRoutingState(db, tenantId, "Europe/London", NOW);
    expect(london.usage.get(b.id)?.answeredToday).toBe(1);
  });

  it("claims a cursor once: the second claim of the same value loses", async () => {
    expect(await claimRoundRobin(db, tenantId, [{ huntGroupId: groupB, cursor: 0 }])).toBe(true);
    expect(await claimRoundRobin(db, tenantId, [{ huntGroupId: groupB, cursor: 0 }])).toBe(false);
    expect((await db.huntGroup.findUniqueOrThrow({ where: { id: groupB } })).roundRobinCursor).toBe(1);
  });

  it("claims all of a plan's cursors or none", async () => {
    expect(await claimRoundRobin(db, tenantId, [{ huntGroupId: groupA, cursor: 7 }, { huntGroupId: groupB, cursor: 0 }])).toBe(false);
    const cursors = await db.huntGroup.findMany({ where: { tenantId }, select: { id: true, roundRobinCursor: true } });
    expect(new Map(cursors.map((g) => [g.id, g.roundRobinCursor]))).toEqual(new Map([[groupA, 7], [groupB, 1]]));
  });

  it("never claims another tenant's group", async () => {
    expect(await claimRoundRobin(db, otherTenantId, [{ huntGroupId: groupA, cursor: 7 }])).toBe(false);
  });

  it("gives exactly one of many simultaneous claims of one cursor", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => claimRoundRobin(db, tenantId, [{ huntGroupId: groupA, cursor: 7 }])));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await db.huntGroup.findUniqueOrThrow({ where: { id: groupA } })).roundRobinCursor).toBe(8);
  });

  it("claims a call queue's cursor the same way: once, in its own table, never another tenant's", async () => {
    const queue = await db.callQueue.create({ data: { tenantId, number: "790", name: "Claims" } });
    const claim = [{ huntGroupId: queue.id, cursor: 0 }];
    const results = await Promise.all(Array.from({ length: 6 }, () => claimQueueRoundRobin(db, tenantId, claim)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await db.callQueue.findUniqueOrThrow({ where: { id: queue.id } })).roundRobinCursor).toBe(1);
    // A queue id is no hunt group's, and another tenant cannot move it.
    expect(await claimRoundRobin(db, tenantId, [{ huntGroupId: queue.id, cursor: 1 }])).toBe(false);
    expect(await claimQueueRoundRobin(db, otherTenantId, [{ huntGroupId: queue.id, cursor: 1 }])).toBe(false);
  });
});
