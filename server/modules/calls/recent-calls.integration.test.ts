/**
 * calls.recent through the API: today's calls only (the company's zone), newest first in
 * keyset pages, scoped to an extension user's own extensions, with names from extensions
 * and the viewer's phone books, and rates and costs present only where the policy allows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedCallRecord, seedContact } from "@/tests/fixtures/seed-calls";
import { seedLineExtension, seedRecording } from "@/tests/fixtures/seed-media";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedTariff } from "@/tests/fixtures/seed-telephony";
import { startOfDayIn } from "../home/day-start";
import { RECENT_CALLS_PAGE_SIZE } from "./schema";

type World = Awaited<ReturnType<typeof seedTenant>>;
let world: World;
let partnerId: string;
let ann: Awaited<ReturnType<typeof seedLineExtension>>;
let bob: Awaited<ReturnType<typeof seedLineExtension>>;

beforeAll(async () => {
  const { partner } = await seedPartner();
  partnerId = partner.id;
  await seedTariff(partner.id, [{ prefix: "1212", ratePerMinute: "0.02000" }]);
  world = await seedTenant({ partnerId: partner.id, extensionUsers: 2 });
  const tenantId = world.tenant.id;
  ann = await seedLineExtension(tenantId, "201", world.users[0]!.id);
  bob = await seedLineExtension(tenantId, "202", world.users[1]!.id);
  await seedCallRecord(tenantId, { minutesAgo: 3, direction: "OUTBOUND", callerNumber: "201", calledNumber: "+12125550100", extensionId: ann.id, cost: "0.02", currency: "GBP", ratePrefix: "1212" });
  await seedCallRecord(tenantId, { minutesAgo: 2, direction: "INBOUND", callerNumber: "+447400123456", extensionId: bob.id, disposition: "VOICEMAIL", answeredAt: null, billableSec: 0 });
  await seedCallRecord(tenantId, { minutesAgo: 1, direction: "INTERNAL", callerNumber: "201", calledNumber: "202", extensionId: ann.id, disposition: "BUSY", answeredAt: null, billableSec: 0 });
  // Yesterday in the company's zone: not a recent call.
  const beforeMidnight = (Date.now() - startOfDayIn("Europe/London").getTime()) / 60_000 + 5;
  await seedCallRecord(tenantId, { minutesAgo: beforeMidnight, callerNumber: "+447400000001" });
});

const admin = () => callerFor(world.admin.id);
const user = (i: number) => callerFor(world.users[i]!.id);

describe("[CALLS] recent calls", () => {
  it("lists the company's calls of today for an admin, newest first, with statuses and names", async () => {
    const { items } = await (await admin()).calls.recent({});
    expect(items.map((c) => [c.direction, c.status, c.caller.number])).toEqual([
      ["INTERNAL", "busy", "201"],
      ["INBOUND", "missed", "+447400123456"],
      ["OUTBOUND", "answered", "201"],
    ]);
    expect(items[0]).toMatchObject({ caller: { extension: { number: "201", displayName: "Ext 201" } }, called: { extension: { number: "202" } }, durationSec: 0 });
    expect(items[2]).toMatchObject({ durationSec: 60, ringSec: 5 });
  });

  it("shows an extension user only the calls of their own extensions", async () => {
    const bobs = (await (await user(1)).calls.recent({})).items;
    // The internal call Ann placed to 202 is Bob's too; Ann's outside call is not.
    expect(bobs.map((c) => c.direction)).toEqual(["INTERNAL", "INBOUND"]);
    await expectTrpcError((await user(1)).calls.recent({ extensionId: ann.id }), "NOT_FOUND");
    expect((await (await user(0)).calls.recent({ extensionId: ann.id })).items.map((c) => c.direction)).toEqual(["INTERNAL", "OUTBOUND"]);
  });

  it("lets an admin filter to one extension, and refuses an unknown one", async () => {
    const anns = (await (await admin()).calls.recent({ extensionId: ann.id })).items;
    expect(anns.map((c) => c.direction)).toEqual(["INTERNAL", "OUTBOUND"]);
    await expectTrpcError((await admin()).calls.recent({ extensionId: "nope" }), "NOT_FOUND");
    await expectTrpcError((await admin()).calls.recent({ cursor: "not a cursor" }), "BAD_REQUEST");
  });

  it("names callers from the company book, and from the viewer's own book only", async () => {
    await seedContact(world.tenant.id, "Company Caller", "+447400123456");
    await seedContact(world.tenant.id, "Ann's Private Name", "+447400123456", world.users[0]!.id);
    const named = async (i: number | null) => {
      const caller = i === null ? await admin() : await user(i);
      return (await caller.calls.recent({})).items.find((c) => c.direction === "INBOUND")?.caller.contactName;
    };
    expect(await named(null)).toBe("Company Caller");
    expect(await named(1)).toBe("Company Caller");
    await db.extension.update({ where: { id: bob.id }, data: { ownerUserId: world.users[0]!.id } });
    expect(await named(0)).toBe("Ann's Private Name");
    await db.extension.update({ where: { id: bob.id }, data: { ownerUserId: world.users[1]!.id } });
  });

  it("pages by keyset without losing or repeating a call", async () => {
    const { partner } = await seedPartner();
    const busy = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    const total = RECENT_CALLS_PAGE_SIZE + 7;
    const startedAt = new Date(Date.now() - 60_000);
    // Many calls in the same millisecond: the id breaks the tie.
    for (let i = 0; i < total; i++) await seedCallRecord(busy.tenant.id, { startedAt, endedAt: new Date(startedAt.getTime() + 1000), answeredAt: null, billableSec: 0 });
    const caller = await callerFor(busy.admin.id);
    const first = await caller.calls.recent({});
    expect(first.items).toHaveLength(RECENT_CALLS_PAGE_SIZE);
    const second = await caller.calls.recent({ cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(total);
  });
});

describe("[CALLS] rates and costs follow the cost policy", () => {
  const costOf = async (i: number | null) => {
    const caller = i === null ? await admin() : await user(i);
    return (await caller.calls.recent({})).items.find((c) => c.direction === "OUTBOUND");
  };
  const setPolicy = async (partner: "HIDDEN" | "ADMINS" | "EVERYONE", tenant: { callCostVisibility?: "HIDDEN" | "ADMINS" | "EVERYONE" | null; showCallCosts?: boolean } = {}) => {
    await db.partner.update({ where: { id: partnerId }, data: { callCostVisibility: partner } });
    await db.tenant.update({ where: { id: world.tenant.id }, data: { callCostVisibility: null, showCallCosts: true, ...tenant } });
  };

  it("gives an admin the rate and cost under the default policy, and an extension user no cost field at all", async () => {
    await setPolicy("ADMINS");
    expect((await costOf(null))?.cost).toEqual({ amount: "0.02", currency: "GBP", ratePerMinute: "0.02" });
    const own = await costOf(0);
    expect(own).toBeDefined();
    expect(own).not.toHaveProperty("cost");
  });

  it("shows extension users costs when everyone may see them, unless their account hides them", async () => {
    await setPolicy("EVERYONE");
    expect((await costOf(0))?.cost?.amount).toBe("0.02");
    await db.sipAccount.update({ where: { id: ann.sipAccountId! }, data: { showCallCosts: false } });
    expect(await costOf(0)).not.toHaveProperty("cost");
    await db.sipAccount.update({ where: { id: ann.sipAccountId! }, data: { showCallCosts: true } });
  });

  it("hides costs from everyone when the partner or the company says so", async () => {
    await setPolicy("HIDDEN");
    expect(await costOf(null)).not.toHaveProperty("cost");
    await setPolicy("EVERYONE", { showCallCosts: false });
    expect(await costOf(null)).not.toHaveProperty("cost");
    expect(await costOf(0)).not.toHaveProperty("cost");
    await setPolicy("HIDDEN", { callCostVisibility: "ADMINS" });
    expect((await costOf(null))?.cost?.amount).toBe("0.02");
    await setPolicy("ADMINS");
  });

  it("links a call to its recording for those who may hear it, and for nobody else", async () => {
    const other = await seedTenant({ partnerId, extensionUsers: 2 });
    const owned = await seedLineExtension(other.tenant.id, "201", other.users[0]!.id);
    await seedLineExtension(other.tenant.id, "202", other.users[1]!.id);
    // 201 called 202 and 201's account recorded it: the call is both users', the recording 201's.
    const recording = await seedRecording(other.tenant.id, { withCdr: true, extensionId: owned.id, direction: "INTERNAL", callerNumber: "201", calledNumber: "202" });
    const recentOf = async (userId: string) => (await (await callerFor(userId)).calls.recent({})).items.find((c) => c.caller.number === "201");
    expect((await recentOf(other.admin.id))?.recordingId).toBe(recording.id);
    expect((await recentOf(other.users[0]!.id))?.recordingId).toBe(recording.id);
    // The colleague sees the call but not a link to a recording they may not hear.
    const colleagues = await recentOf(other.users[1]!.id);
    expect(colleagues).toBeDefined();
    expect(colleagues).not.toHaveProperty("recordingId");
    expect(JSON.stringify((await (await admin()).calls.recent({})).items)).not.toContain(recording.id);
  });
});
