/**
 * Hunt groups through the worker and the simulator, configured straight in the database:
 * each strategy rings the expected members in the expected order over several calls, members
 * on a call are skipped unless the group allows call waiting, and round robin continues after
 * a worker restart and never hands one cursor to two workers sharing the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { HuntStrategy } from "@/server/generated/prisma/enums";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { seedHuntGroup, type SeedHuntGroup } from "@/tests/fixtures/seed-routing";
import { bridgedWith, cdrOf, dialsSince, markEvents } from "@/tests/fixtures/routing-calls";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { compileDialPlan, routeCall, type DialStep, type RoutingState } from "./engine";
import { loadTenantDialPlan } from "./dialplan/load-dial-plan";
import { loadRoutingState } from "./dialplan/routing-state-store";

/** A small seeded PRNG (mulberry32), so the random strategy is reproducible. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const SEED = 1234;
const CALLER = "+447700900111";

let h: Harness;
let tenantId: string;
let m: SeededExtension[]; // 201..204 are members, 205 places internal calls
const groups = new Map<string, { id: string; did: string }>();

async function group(key: string, strategy: HuntStrategy, members: SeededExtension[], over: Partial<SeedHuntGroup> = {}) {
  const did = `+4416329606${String(groups.size).padStart(2, "0")}`;
  const row = await seedHuntGroup(tenantId, { number: String(600 + groups.size), strategy, members: members.map((e) => ({ extensionId: e.id, ringSec: 5 })), ...over });
  const { id: didId } = await seedDid(tenantId, did, null);
  await db.did.update({ where: { id: didId }, data: { targetType: "HUNT_GROUP", targetHuntGroupId: row.id } });
  groups.set(key, { id: row.id, did });
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  m = await seedExtensions(tenantId, 5);
  const [a, b, c, d] = m as [SeededExtension, SeededExtension, SeededExtension, SeededExtension];
  await group("ringAll", "RING_ALL", [a, b, c]);
  await group("inOrder", "IN_ORDER", [a, b, c]);
  await group("roundRobin", "ROUND_ROBIN", [a, b, c]);
  await group("leastUsed", "LEAST_USED", [a, b, c]);
  await group("random", "RANDOM", [a, b, c, d]);
  await group("skipsBusy", "IN_ORDER", [d, a]);
  await group("callWaiting", "IN_ORDER", [d, a], { allowCallWaiting: true });
  h = await startHarness({ random: seeded(SEED) });
  for (const e of m) h.sim.scenario.registerPhone({ endpoint: e.username });
  for (const e of m.slice(0, 4)) h.sim.scenario.setPhoneBehaviour(e.username, { mode: "noAnswer" });
});

afterAll(async () => {
  await h?.stop();
});

const number = (dialstring: string) => m.find((e) => e.username === dialstring)?.number ?? dialstring;

/**
 * The call is over once its CDR and its members' call states are written: the next call
 * reads both (a member still "in call" would be skipped).
 */
async function ended(callerId: string, harness = h) {
  const cdr = await cdrOf(callerId);
  await harness.worker.flush();
  return cdr;
}

/** Calls the group's number from outside; nobody answers; resolves with who rang, in order. */
async function huntOnce(key: string, harness = h): Promise<string[]> {
  const mark = markEvents(harness);
  const callerId = harness.sim.scenario.placeInboundCall({ from: CALLER, to: groups.get(key)!.did });
  await ended(callerId, harness);
  return dialsSince(harness, mark).map(number);
}

describe("[HUNT_GROUPS] strategies through the worker", () => {
  it("ring all: every member rings at once; the one who answers is bridged and recorded", async () => {
    const [, b] = m as [SeededExtension, SeededExtension];
    h.sim.scenario.setPhoneBehaviour(b.username, { mode: "answer", answerAfterMs: 500 });
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeInboundCall({ from: CALLER, to: groups.get("ringAll")!.did });
    await bridgedWith(h, callerId);
    expect(dialsSince(h, mark).map(number)).toEqual(["201", "202", "203"]);
    // The others stopped ringing: only the caller and 202 are left.
    await eventually("others hung up", () => h.sim.scenario.snapshot().channels.length === 2);
    h.sim.scenario.hangup(callerId);
    expect(await ended(callerId)).toMatchObject({ disposition: "ANSWERED", answeredByExtensionId: b.id, answeredBy: "User 202 (202)", forwardedVia: "HUNT_GROUP" });
    h.sim.scenario.setPhoneBehaviour(b.username, { mode: "noAnswer" });
  });

  it("in order: always from the first member", async () => {
    expect(await huntOnce("inOrder")).toEqual(["201", "202", "203"]);
    expect(await huntOnce("inOrder")).toEqual(["201", "202", "203"]);
  });

  it("round robin: each call starts one member further on, and carries on after a worker restart", async () => {
    expect(await huntOnce("roundRobin")).toEqual(["201", "202", "203"]);
    expect(await huntOnce("roundRobin")).toEqual(["202", "203", "201"]);
    await h.restartWorker();
    expect(await huntOnce("roundRobin")).toEqual(["203", "201", "202"]);
    expect(await huntOnce("roundRobin")).toEqual(["201", "202", "203"]);
    expect((await db.huntGroup.findUniqueOrThrow({ where: { id: groups.get("roundRobin")!.id } })).roundRobinCursor).toBe(4);
  });

  it("least used: the fewest calls answered today first, counting the calls the worker recorded", async () => {
    const [a, , c] = m as [SeededExtension, SeededExtension, SeededExtension];
    const answered = (n: number, extensionId: string) => ({
      tenantId, channelId: `lu-${tenantId}-${n}`, direction: "INBOUND" as const, callerNumber: CALLER, calledNumber: "603",
      startedAt: new Date(Date.now() - 120_000), answeredAt: new Date(Date.now() - 100_000), endedAt: new Date(Date.now() - 60_000), disposition: "ANSWERED" as const, answeredByExtensionId: extensionId,
    });
    await db.callRecord.createMany({ data: [answered(1, a.id), answered(2, a.id), answered(3, a.id)] });
    // Today 203 answered none, 202 one (the ring-all call above), 201 three: 203 answers this call.
    h.sim.scenario.setPhoneBehaviour(c.username, { mode: "answer", answerAfterMs: 200 });
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeInboundCall({ from: CALLER, to: groups.get("leastUsed")!.did });
    await bridgedWith(h, callerId);
    expect(dialsSince(h, mark).map(number)).toEqual(["203"]);
    h.sim.scenario.hangup(callerId);
    expect(await ended(callerId)).toMatchObject({ answeredByExtensionId: c.id });
    h.sim.scenario.setPhoneBehaviour(c.username, { mode: "noAnswer" });
    // The worker's own CDR counts: 202 and 203 have one each (202 comes first in the group), 201 three.
    expect(await huntOnce("leastUsed")).toEqual(["202", "203", "201"]);
  });

  it("random: the order the seeded source gives, different from call to call", async () => {
    // The same seed through the engine gives the orders the worker must ring.
    const plan = compileDialPlan(await loadTenantDialPlan(db, tenantId, { trunk: "trunk" }));
    const oracle = seeded(SEED);
    const expected: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const state: RoutingState = { ...(await loadRoutingState(db, tenantId, plan.timeZone, new Date())), random: oracle };
      const step = routeCall(plan, { source: { kind: "trunk" }, dialled: groups.get("random")!.did, callerId: { number: CALLER, name: null } }, new Date(), state).steps[0] as DialStep;
      expected.push(step.targets.map((t) => (t.kind === "endpoint" ? number(t.endpoint.slice("PJSIP/".length)) : "")));
    }
    const rang = [await huntOnce("random"), await huntOnce("random"), await huntOnce("random")];
    expect(rang).toEqual(expected);
    expect(new Set(rang.map((r) => r.join())).size).toBeGreaterThan(1);
    expect(rang.every((r) => [...r].sort().join() === "201,202,203,204")).toBe(true);
  });

  it("skips a member on a call, unless the group allows call waiting", async () => {
    const [, , , d, caller] = m as [SeededExtension, SeededExtension, SeededExtension, SeededExtension, SeededExtension];
    h.sim.scenario.setPhoneBehaviour(d.username, { mode: "answer", answerAfterMs: 100 });
    const busyCall = h.sim.scenario.placeExtensionCall({ fromEndpoint: caller.username, to: d.number });
    await bridgedWith(h, busyCall);
    await eventually("204 on a call", () => db.extensionCallState.findFirst({ where: { extensionId: d.id, state: "IN_CALL" } }));
    h.sim.scenario.setPhoneBehaviour(d.username, { mode: "noAnswer" });
    expect(await huntOnce("skipsBusy")).toEqual(["201"]);
    expect(await huntOnce("callWaiting")).toEqual(["204", "201"]);
    h.sim.scenario.hangup(busyCall);
    await ended(busyCall);
  });

  it("two workers on one database never start two calls at the same member", async () => {
    const second = await startHarness({ random: seeded(SEED) });
    try {
      for (const e of m) second.sim.scenario.registerPhone({ endpoint: e.username });
      for (const e of m.slice(0, 4)) second.sim.scenario.setPhoneBehaviour(e.username, { mode: "noAnswer" });
      const { id } = groups.get("roundRobin")!;
      const before = (await db.huntGroup.findUniqueOrThrow({ where: { id } })).roundRobinCursor;
      const firsts: string[] = [];
      for (let round = 0; round < 3; round++) {
        const [one, two] = await Promise.all([huntOnce("roundRobin"), huntOnce("roundRobin", second)]);
        firsts.push(one[0]!, two[0]!);
        expect(one[0]).not.toBe(two[0]);
      }
      // Six calls, six claims: every member started exactly twice, the cursor moved by six.
      expect(firsts.filter((f) => f === "201")).toHaveLength(2);
      expect(firsts.filter((f) => f === "202")).toHaveLength(2);
      expect((await db.huntGroup.findUniqueOrThrow({ where: { id } })).roundRobinCursor).toBe(before + 6);
    } finally {
      await second.stop();
    }
  });
});
