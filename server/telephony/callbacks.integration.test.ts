/**
 * Web callbacks placed by the worker, through the ARI simulator with the real engine and the
 * real database. Requests are inserted directly (the intake is tested on its own), in the
 * shapes the migration's CHECK allows.
 */
import { hostname } from "node:os";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { databaseEnv } from "@/server/env-database";
import type { Prisma } from "@/server/generated/prisma/client";
import { CALLBACK_CHANGED, type CallbackNotice } from "@/server/modules/callbacks/contract";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, seedTariff, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { seedHuntGroup } from "@/tests/fixtures/seed-routing";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import type { EmittedEvent } from "./simulator/events-hub";

const NODE = "node-a";
const DID = "+441632960100";
let h: Harness;
let tenantId: string;
let alice: SeededExtension, bob: SeededExtension, carol: SeededExtension, dave: SeededExtension;
let huntGroupId: string;
let listener: pg.Client;
const notices: CallbackNotice[] = [];

beforeAll(async () => {
  const { partner } = await seedPartner();
  await seedTariff(partner.id, [{ prefix: "447", ratePerMinute: "0.12", connectFee: "0.05", incrementSec: 60 }]);
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  // The database admits only as many open requests as the company's cap (the intake's trigger).
  await db.tenant.update({ where: { id: tenantId }, data: { callbackMaxConcurrent: 1000 } });
  [alice, bob, carol, dave] = (await seedExtensions(tenantId, 4)) as [SeededExtension, SeededExtension, SeededExtension, SeededExtension];
  await seedDid(tenantId, DID, alice.id);
  huntGroupId = (await seedHuntGroup(tenantId, { number: "600", strategy: "RING_ALL", members: [{ extensionId: carol.id }, { extensionId: dave.id }] })).id;
  listener = new pg.Client({ connectionString: databaseEnv().DATABASE_URL });
  await listener.connect();
  listener.on("notification", (msg) => notices.push(JSON.parse(msg.payload ?? "{}") as CallbackNotice));
  await listener.query(`LISTEN ${CALLBACK_CHANGED}`);
  h = await startHarness({ callbacks: { nodeId: NODE, pollMs: 200 } });
  for (const e of [alice, bob, carol, dave]) h.sim.scenario.registerPhone({ endpoint: e.username });
});

afterAll(async () => {
  await h?.stop();
  await listener?.end();
});

let numberSeq = 0;
/** A fresh outside number per test, so its originates can be told apart in the simulator. */
const freshNumber = () => `+4477009${String(10000 + ++numberSeq).slice(1)}`;

function clickToCall(from: SeededExtension, dialled: string, extra: Partial<Prisma.CallbackRequestUncheckedCreateInput> = {}) {
  return db.callbackRequest.create({ data: { tenantId, source: "PORTAL", sipAccountId: from.sipAccountId, dialled, ...extra } });
}

function widgetRequest(visitorNumber: string, destination: Prisma.InputJsonValue, order: "VISITOR_FIRST" | "COMPANY_FIRST") {
  return db.callbackRequest.create({ data: { tenantId, source: "WIDGET", visitorNumber, destination, order } });
}

const final = (id: string) =>
  eventually(`request ${id} final`, () => db.callbackRequest.findFirst({ where: { id, state: { in: ["COMPLETED", "FAILED"] } } }), 8000);
const inState = (id: string, state: "CONNECTED") => eventually(`request ${id} ${state}`, () => db.callbackRequest.findFirst({ where: { id, state } }), 8000);

/** Originates the simulator saw: each starts with a Dial event whose status is "". */
const originates = (events: readonly EmittedEvent[], match: (dialstring: string, callerNumber: string) => boolean) =>
  events.filter((e) => e.type === "Dial" && e.dialstatus === "" && !e.caller && match(String(e.dialstring), String((e.peer as { caller: { number: string } }).caller.number)));
const dials = (events: readonly EmittedEvent[]) => events.filter((e) => e.type === "Dial" && e.dialstatus === "") as unknown as { dialstring: string; peer: { id: string; caller: { number: string } } }[];

describe("web callbacks in the worker", () => {
  it("click-to-call rings the account, then the number, bridges them and leaves two linked CDRs", async () => {
    const number = freshNumber();
    const request = await clickToCall(alice, number);
    const connected = await inState(request.id, "CONNECTED");
    const bridge = h.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(connected.firstChannelId!));
    expect(bridge?.channels.sort()).toEqual([connected.firstChannelId, connected.secondChannelId].sort());
    const events = dials(h.sim.scenario.stats().events);
    // Leg A is the account's phone, showing the number it will be put through to; leg B leaves over the trunk.
    expect(events.find((e) => e.peer.id === connected.firstChannelId)).toMatchObject({ dialstring: alice.username, peer: { caller: { number } } });
    expect(events.find((e) => e.peer.id === connected.secondChannelId)).toMatchObject({ dialstring: `${number}@trunk` });
    h.advanceClock(65_000); // a billable minute and a bit
    h.sim.scenario.hangup(connected.secondChannelId!);
    const done = await final(request.id);
    expect(done).toMatchObject({ state: "COMPLETED", failureReason: null });
    expect(done.endedAt).not.toBeNull();
    await h.worker.flush();
    const cdrs = await eventually("two CDRs", async () => {
      const rows = await db.callRecord.findMany({ where: { callbackRequestId: request.id }, orderBy: { startedAt: "asc" } });
      return rows.length === 2 ? rows : null;
    });
    expect(cdrs.find((c) => c.channelId === connected.firstChannelId)).toMatchObject({ direction: "INTERNAL", extensionId: alice.id, calledNumber: alice.number, disposition: "ANSWERED" });
    const second = cdrs.find((c) => c.channelId === connected.secondChannelId);
    expect(second).toMatchObject({ direction: "OUTBOUND", extensionId: alice.id, calledNumber: number, disposition: "ANSWERED", ratePrefix: "447" });
    expect(second?.cost?.toString()).toBe("0.29"); // 0.05 + 2 started minutes at 0.12
    const seen = notices.filter((n) => n.requestId === request.id).map((n) => n.state);
    expect(seen).toEqual(["CALLING_FIRST", "CALLING_SECOND", "CONNECTED", "COMPLETED"]);
    expect(notices.find((n) => n.requestId === request.id)?.tenantId).toBe(tenantId);
  });

  it("fails a request whose first leg is not answered, and never dials the second", async () => {
    h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "noAnswer" });
    const number = freshNumber();
    const request = await clickToCall(bob, number);
    const done = await final(request.id);
    h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "answer" });
    expect(done).toMatchObject({ state: "FAILED", failureReason: "FIRST_NO_ANSWER", firstAnsweredAt: null });
    expect(done.failureDetail).toMatch(/did not answer/);
    expect(originates(h.sim.scenario.stats().events, (dialstring) => dialstring === `${number}@trunk`)).toHaveLength(0);
    expect(originates(h.sim.scenario.stats().events, (dialstring, caller) => dialstring === bob.username && caller === number)).toHaveLength(1);
    await h.worker.flush();
    const cdr = await eventually("first leg CDR", () => db.callRecord.findFirst({ where: { callbackRequestId: request.id } }));
    expect(cdr).toMatchObject({ disposition: "NO_ANSWER", answeredAt: null });
  });

  it("calls a widget's visitor from the company's number and puts them through to the hunt group", async () => {
    const visitor = freshNumber();
    const request = await widgetRequest(visitor, { kind: "huntGroup", huntGroupId }, "VISITOR_FIRST");
    const connected = await inState(request.id, "CONNECTED");
    const events = dials(h.sim.scenario.stats().events);
    expect(events.find((e) => e.peer.id === connected.firstChannelId)).toMatchObject({ dialstring: `${visitor}@trunk`, peer: { caller: { number: DID } } });
    const answered = events.find((e) => e.peer.id === connected.secondChannelId);
    expect([carol.username, dave.username]).toContain(answered?.dialstring);
    h.sim.scenario.hangup(connected.firstChannelId!);
    expect(await final(request.id)).toMatchObject({ state: "COMPLETED" });
    await h.worker.flush();
    const cdrs = await db.callRecord.findMany({ where: { callbackRequestId: request.id } });
    expect(cdrs).toHaveLength(2);
    // The visitor's leg is an outbound call the company pays for; the company side is an inbound call.
    const visitorLeg = cdrs.find((c) => c.channelId === connected.firstChannelId);
    expect(visitorLeg).toMatchObject({ direction: "OUTBOUND", calledNumber: visitor, callerNumber: DID, ratePrefix: "447" });
    expect(cdrs.find((c) => c.channelId === connected.secondChannelId)).toMatchObject({ direction: "INBOUND", callerNumber: visitor, forwardedVia: "HUNT_GROUP" });
  });

  it("COMPANY_FIRST rings the company's extension before the visitor", async () => {
    const visitor = freshNumber();
    const request = await widgetRequest(visitor, { kind: "extension", extensionId: dave.id }, "COMPANY_FIRST");
    const connected = await inState(request.id, "CONNECTED");
    const events = dials(h.sim.scenario.stats().events);
    const first = events.findIndex((e) => e.peer.id === connected.firstChannelId);
    const second = events.findIndex((e) => e.peer.id === connected.secondChannelId);
    expect(events[first]).toMatchObject({ dialstring: dave.username, peer: { caller: { number: visitor } } });
    expect(events[second]).toMatchObject({ dialstring: `${visitor}@trunk` });
    expect(first).toBeLessThan(second);
    h.sim.scenario.hangup(connected.secondChannelId!);
    expect(await final(request.id)).toMatchObject({ state: "COMPLETED" });
  });

  it("expires a request queued too long past notBefore instead of placing it", async () => {
    const number = freshNumber();
    const request = await clickToCall(alice, number, { notBefore: new Date(Date.now() - 11 * 60_000) });
    expect(await final(request.id)).toMatchObject({ state: "FAILED", failureReason: "EXPIRED", claimedBy: null });
    expect(originates(h.sim.scenario.stats().events, (_d, caller) => caller === number)).toHaveLength(0);
  });

  it("places nothing before notBefore", async () => {
    const number = freshNumber();
    const request = await clickToCall(alice, number, { notBefore: new Date(Date.now() + 60 * 60_000) });
    await new Promise((resolve) => setTimeout(resolve, 600)); // three polls
    expect(await db.callbackRequest.findUnique({ where: { id: request.id } })).toMatchObject({ state: "QUEUED", claimedBy: null });
    await db.callbackRequest.delete({ where: { id: request.id } });
  });

  it("after a restart, marks what an earlier process of this node left: connected ones completed, the others lost", async () => {
    const claimedBy = `${NODE}:1:earlier`;
    const lost = await clickToCall(alice, freshNumber(), { state: "CALLING_SECOND", claimedBy, claimedAt: new Date(), firstChannelId: "gone-1" });
    const talking = await clickToCall(alice, freshNumber(), { state: "CONNECTED", claimedBy, claimedAt: new Date(), firstChannelId: "gone-2", secondChannelId: "gone-3" });
    const otherNode = await clickToCall(alice, freshNumber(), { state: "CALLING_FIRST", claimedBy: `${hostname()}-other:1:x`, claimedAt: new Date() });
    await h.restartWorker();
    expect(await final(lost.id)).toMatchObject({ state: "FAILED", failureReason: "WORKER_LOST" });
    expect(await final(talking.id)).toMatchObject({ state: "COMPLETED" });
    expect(await db.callbackRequest.findUnique({ where: { id: otherNode.id } })).toMatchObject({ state: "CALLING_FIRST" });
    await db.callbackRequest.delete({ where: { id: otherNode.id } });
  });

  it("with two workers on one database, places each of 100 requests exactly once", async () => {
    const second = await startHarness({ callbacks: { nodeId: "node-b", pollMs: 200 } });
    try {
      for (const e of [alice, bob, carol, dave]) second.sim.scenario.registerPhone({ endpoint: e.username });
      // Every second leg is busy, so each request ends by itself after exactly two originates.
      for (const sim of [h.sim, second.sim]) sim.scenario.setExternalBehaviour("+447701", { mode: "busy" });
      const callers = [alice, bob, carol, dave];
      const numbers = Array.from({ length: 100 }, (_, i) => `+447701${String(100000 + i)}`);
      const rows = await db.callbackRequest.createManyAndReturn({
        data: numbers.map((dialled, i) => ({ tenantId, source: "API" as const, sipAccountId: callers[i % 4]!.sipAccountId, dialled })),
      });
      await db.$executeRaw`SELECT pg_notify('callback_queued', '')`;
      const ids = rows.map((r) => r.id);
      const done = await eventually("all 100 final", async () => {
        const finished = await db.callbackRequest.findMany({ where: { id: { in: ids }, state: { in: ["COMPLETED", "FAILED"] } } });
        return finished.length === 100 ? finished : null;
      }, 30_000);
      expect(new Set(done.map((r) => r.failureReason))).toEqual(new Set(["SECOND_BUSY"]));
      const nodes = new Set(done.map((r) => r.claimedBy?.split(":")[0]));
      expect(nodes).toEqual(new Set(["node-a", "node-b"]));
      // No claim took more than it asked for (at most 50 at a time per worker).
      const claims = [...h.logs, ...second.logs].filter((l) => l.msg === "claimed callback requests").map((l) => Number(l.count));
      expect(Math.max(...claims)).toBeLessThanOrEqual(50);
      const events = [...h.sim.scenario.stats().events, ...second.sim.scenario.stats().events];
      for (const number of numbers) {
        expect(originates(events, (_d, caller) => caller === number), `first leg for ${number}`).toHaveLength(1);
        expect(originates(events, (dialstring) => dialstring === `${number}@trunk`), `second leg for ${number}`).toHaveLength(1);
      }
    } finally {
      await second.stop();
    }
  }, 60_000);
});
