/** The worker end to end: real database, real ARI over HTTP + WebSocket (the simulator). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, seedTariff, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { ARI_CREDENTIALS, eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

let h: Harness;
let tenantId: string;
let brokenTenantId: string;
let alice: SeededExtension;
let bob: SeededExtension;
const DID = "+441632960001";
const BROKEN_DID = "+441632960009";
const DANGLING_DID = "+441632960008";

beforeAll(async () => {
  const { partner } = await seedPartner();
  await seedTariff(partner.id, [{ prefix: "447", ratePerMinute: "0.12", connectFee: "0.05", incrementSec: 60 }]);
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  await seedDid(tenantId, DID, alice.id);
  await db.blockedNumber.create({ data: { tenantId, pattern: "+447700900666" } });
  const doomed = (await seedExtensions(tenantId, 1, { firstNumber: 299 }))[0]!;
  await seedDid(tenantId, DANGLING_DID, doomed.id);
  await db.extension.delete({ where: { id: doomed.id } }); // DID now points at a deleted extension
  brokenTenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  await seedDid(brokenTenantId, BROKEN_DID, null);
  h = await startHarness({
    loadDialPlan: async (id) => {
      if (id === brokenTenantId) throw new Error("simulated dial-plan loader failure");
      const { loadTenantDialPlan } = await import("./dialplan/load-dial-plan");
      return loadTenantDialPlan(db, id, { trunk: "trunk" });
    },
  });
  h.sim.scenario.registerPhone({ endpoint: alice.username });
  h.sim.scenario.registerPhone({ endpoint: bob.username });
});

afterAll(async () => {
  await h?.stop();
});

const recordOf = (channelId: string) => eventually(`CDR of ${channelId}`, () => db.callRecord.findUnique({ where: { channelId } }));
const destroyed = (channelId: string) => eventually(`${channelId} destroyed`, () => h.sim.scenario.snapshot().destroyed.find((d) => d.id === channelId));

describe("telephony worker", () => {
  it("records a registered phone's registration", async () => {
    const row = await eventually("Registration row", () =>
      db.registration.findFirst({ where: { sipAccountId: alice.sipAccountId, state: "REGISTERED" } }));
    expect(row.tenantId).toBe(tenantId);
    expect(row.address).toMatch(/^192\.0\.2\.\d+:5060$/);
  });

  it("rings, answers, bridges and hangs up an internal call, leaving one rated CDR", async () => {
    const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "202" });
    const bridge = await eventually("bridge with both parties", () =>
      h.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(callerId) && b.channels.length === 2));
    expect(h.sim.scenario.stats().events.some((e) => e.type === "Dial" && e.dialstatus === "RINGING")).toBe(true);
    const bobInCall = await eventually("bob in call", () => db.extensionCallState.findFirst({ where: { extensionId: bob.id, state: "IN_CALL" } }));
    const aliceInCall = await eventually("alice in call", () => db.extensionCallState.findFirst({ where: { extensionId: alice.id, state: "IN_CALL" } }));
    // Both sides name the other party as people know it, never by a dial string.
    expect(bobInCall.peer).toBe("User 201 (201)");
    expect(aliceInCall.peer).toBe("User 202 (202)");
    const legId = bridge.channels.find((c) => c !== callerId)!;
    // Bob's phone puts the call on hold and takes it back (ChannelHold / ChannelUnhold).
    await holdRequest("POST", legId);
    await eventually("bob on hold", () => db.extensionCallState.findFirst({ where: { extensionId: bob.id, state: "ON_HOLD", peer: "User 201 (201)" } }));
    await holdRequest("DELETE", legId);
    await eventually("bob back in call", () => db.extensionCallState.findFirst({ where: { extensionId: bob.id, state: "IN_CALL" } }));
    h.sim.scenario.hangup(callerId);
    await destroyed(legId);
    const cdr = await recordOf(callerId);
    expect(cdr).toMatchObject({ direction: "INTERNAL", disposition: "ANSWERED", extensionId: alice.id, calledNumber: "202", tenantId });
    expect(cdr.cost?.toString()).toBe("0");
    await h.worker.flush();
    expect(await db.callRecord.count({ where: { channelId: { in: [callerId, legId] } } })).toBe(1);
    expect(await db.extensionCallState.findUnique({ where: { extensionId: bob.id } })).toMatchObject({ state: "IDLE" });
    await eventually("bridge destroyed", () => !h.sim.scenario.snapshot().bridges.some((b) => b.id === bridge.id));
  });

  it("sends an unanswered call to the callee's voicemail", async () => {
    h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "noAnswer" });
    const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "202" });
    const cdr = await recordOf(callerId);
    expect(cdr.disposition).toBe("VOICEMAIL");
    const channel = h.sim.scenario.snapshot().channels.find((c) => c.id === callerId) ?? (await destroyed(callerId));
    expect(channel.continuedTo).toContainEqual(expect.objectContaining({ context: "voicemail", exten: `202@${tenantId}` }));
    h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "answer" });
  });

  it("rejects a blocked caller", async () => {
    const callerId = h.sim.scenario.placeInboundCall({ from: "+447700900666", to: DID });
    expect((await destroyed(callerId)).cause).toBe(21);
    expect(await recordOf(callerId)).toMatchObject({ direction: "INBOUND", disposition: "REJECTED" });
  });

  it("leaves no stranded channel when routing fails", async () => {
    const failed = h.sim.scenario.placeInboundCall({ from: "+447700900111", to: BROKEN_DID });
    const dangling = h.sim.scenario.placeInboundCall({ from: "+447700900111", to: DANGLING_DID });
    // The failed call went back to the dialplan (which hangs up); the dangling DID is unallocated.
    expect((await destroyed(failed)).continuedTo).toHaveLength(1);
    expect((await destroyed(dangling)).cause).toBe(1);
    expect(h.sim.scenario.strandedChannels({ idleMs: 0 })).toEqual([]);
    const error = h.logs.find((l) => l.msg === "routing failed; returning call to dialplan");
    expect(error).toMatchObject({ tenantId: brokenTenantId, channelId: failed });
  });

  it("rates an outbound call with the partner's tariff", async () => {
    const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "07700900123" });
    await eventually("answered", () => h.worker.registry.callers.get(callerId)?.answeredAt);
    h.advanceClock(61_000);
    h.sim.scenario.hangup(callerId);
    const cdr = await recordOf(callerId);
    expect(cdr).toMatchObject({ direction: "OUTBOUND", disposition: "ANSWERED", calledNumber: "+447700900123", ratePrefix: "447", billableSec: 61 });
    expect(cdr.cost?.toFixed(2)).toBe("0.29"); // 0.05 connect + 2 started minutes at 0.12
  });
});

/** Hold as the phone would signal it; on the simulator, ARI's own hold operation raises the same events. */
async function holdRequest(method: "POST" | "DELETE", channelId: string) {
  const auth = Buffer.from(`${ARI_CREDENTIALS.username}:${ARI_CREDENTIALS.password}`).toString("base64");
  const res = await fetch(`${h.sim.url}/channels/${channelId}/hold`, { method, headers: { authorization: `Basic ${auth}` } });
  expect(res.status).toBe(204);
}
