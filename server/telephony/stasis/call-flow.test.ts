/**
 * The Stasis handlers against the ARI simulator (no database): dial strategies, races with
 * the caller hanging up, and failure branches. Plans are hand-made to cover what the engine
 * does not produce yet (several targets at once).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { CallPlan, CallStep, DialStep } from "../engine";
import { testPlan } from "../engine/test-dial-plan";
import { silentLogger } from "../log";
import { createCallPresence } from "../presence/call-presence";
import { provisionPhone, startBench, until, type Bench } from "../simulator/test-helpers";
import { CallRegistry } from "./call-registry";

let bench: Bench;
let records: CallRecordInput[];
let steps: CallStep[];

const target = (name: string) => ({ kind: "endpoint" as const, endpoint: `PJSIP/${name}`, extensionId: `e-${name}`, label: name });
const dialStep = (names: string[], over: Partial<DialStep> = {}): DialStep => ({
  type: "dial", targets: names.map(target), strategy: "simultaneous", timeoutSec: 5, callerId: { number: "201", name: "Alice" },
  onBusy: [{ type: "hangup", cause: "busy" }], onNoAnswer: [{ type: "voicemail", mailbox: "202@t1", greeting: "unavailable" }],
  onUnreachable: [{ type: "voicemail", mailbox: "202@t1", greeting: "unavailable" }], ...over,
});

beforeEach(async () => {
  bench = await startBench();
  for (const name of ["alice", "bob", "dora"]) await provisionPhone(bench, name);
  await provisionPhone(bench, "carol", { register: false });
  records = [];
  const registry = new CallRegistry({
    ari: bench.ari, app: "centrex", log: silentLogger(), clock: () => new Date(),
    resolveCall: async () => ({ kind: "extension", tenantId: "t1", extensionId: "e-alice", sipAccountId: "s1", extensionNumber: "201" }),
    dialPlanFor: async () => testPlan(),
    route: (): CallPlan => ({ tenantId: "t1", kind: "internal", steps, trace: [], path: [], ruleChecks: [], roundRobin: [] }),
    recordCall: (r) => void records.push(r),
    presence: createCallPresence({ saveCallState: async () => {}, saveIdle: async () => {} }, silentLogger()),
    isAccepting: () => true,
  });
  registry.attach(bench.ari);
});

afterEach(async () => {
  await bench.close();
});

const call = () => bench.sim.scenario.placeExtensionCall({ fromEndpoint: "alice", to: "202" });
const bridgeOf = (id: string) => bench.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(id));
const legTo = (name: string) => bench.sim.scenario.snapshot().destroyed.find((d) => d.name.startsWith(`PJSIP/${name}-`));

describe("call flow", () => {
  it("simultaneous: the first to answer wins and the other phone stops ringing", async () => {
    bench.sim.scenario.setPhoneBehaviour("bob", { mode: "answer", answerAfterMs: 200 });
    bench.sim.scenario.setPhoneBehaviour("dora", { mode: "answer", answerAfterMs: 3000 });
    steps = [dialStep(["bob", "dora"])];
    const id = call();
    await until(() => bridgeOf(id)?.channels.length === 2);
    await until(() => legTo("dora") !== undefined);
    expect(legTo("dora")?.cause).toBe(26); // answered elsewhere
    bench.sim.scenario.hangup(id);
    await until(() => records.length === 1 && bench.sim.scenario.snapshot().channels.length === 0);
    expect(records[0]).toMatchObject({ disposition: "ANSWERED", direction: "INTERNAL" });
  });

  it("the callee hanging up ends the caller's side and the bridge", async () => {
    steps = [dialStep(["bob"])];
    const id = call();
    await until(() => bridgeOf(id)?.channels.length === 2);
    const legId = bridgeOf(id)!.channels.find((c) => c !== id)!;
    bench.sim.scenario.hangup(legId);
    await until(() => bench.sim.scenario.snapshot().channels.length === 0 && bench.sim.scenario.snapshot().bridges.length === 0);
    await until(() => records.length === 1);
    // The worker hung the caller up over ARI: the soft request said 32, ChannelDestroyed 16.
    expect(records[0]).toMatchObject({ disposition: "ANSWERED", hangupCause: "Normal Clearing" });
    expect(bench.sim.scenario.strandedChannels({ idleMs: 0 })).toEqual([]);
  });

  it("takes the CDR's cause from ChannelDestroyed, never from a soft hang-up request", async () => {
    steps = [dialStep(["bob"])];
    const id = call();
    await until(() => bridgeOf(id)?.channels.length === 2);
    bench.sim.scenario.hangup(id, 17);
    await until(() => records.length === 1);
    const requests = bench.log.forChannel(id).filter((e) => e.type === "ChannelHangupRequest");
    expect(requests.map((e) => [e.cause, e.soft ?? false])).toEqual([[17, false], [17, true]]);
    expect(records[0]).toMatchObject({ disposition: "ANSWERED", hangupCause: "User busy" });
  });

  it("a call the worker ends with busy records Asterisk's cause for it", async () => {
    bench.sim.scenario.setPhoneBehaviour("bob", { mode: "busy" });
    steps = [dialStep(["bob"])];
    call();
    await until(() => records.length === 1, 4000);
    expect(records[0]).toMatchObject({ disposition: "BUSY", hangupCause: "User busy" });
  });

  it("sequential: rings the next target after the first does not answer", async () => {
    bench.sim.scenario.setPhoneBehaviour("bob", { mode: "noAnswer" });
    bench.sim.scenario.setPhoneBehaviour("dora", { mode: "answer", answerAfterMs: 200 });
    steps = [dialStep(["bob", "dora"], { strategy: "sequential", timeoutSec: 1 })];
    const id = call();
    await until(() => bridgeOf(id)?.channels.length === 2, 4000);
    expect(legTo("bob")?.cause).toBe(19); // no answer, then dora's leg was dialled
  });

  it("caller hanging up while phones ring cancels them and strands nothing", async () => {
    bench.sim.scenario.setPhoneBehaviour("bob", { mode: "noAnswer" });
    steps = [dialStep(["bob"])];
    const id = call();
    await until(() => bench.sim.scenario.snapshot().channels.some((c) => c.name.startsWith("PJSIP/bob-")));
    bench.sim.scenario.hangup(id);
    await until(() => bench.sim.scenario.snapshot().channels.length === 0);
    await until(() => records.length === 1);
    expect(records[0]?.disposition).toBe("NO_ANSWER");
  });

  it("an unregistered phone takes the unreachable branch", async () => {
    steps = [dialStep(["carol"])];
    const id = call();
    await until(() => bench.sim.scenario.snapshot().destroyed.some((d) => d.id === id), 4000);
    const caller = bench.sim.scenario.snapshot().destroyed.find((d) => d.id === id);
    expect(caller?.continuedTo[0]).toMatchObject({ context: "voicemail", exten: "202@t1" });
    expect(records[0]?.disposition).toBe("VOICEMAIL");
  });
});
