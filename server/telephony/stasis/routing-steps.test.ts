/**
 * Executing the call-routing parts of a plan against the ARI simulator (no database), with
 * hand-made plans: per-target ring times, prompts played to the caller, and "press 1 to
 * accept" on forwarded legs. What the engine decides is tested in engine/; here, only that
 * the worker does what a plan says.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { CallPlan, CallStep, DialStep, DialTarget } from "../engine";
import { testPlan } from "../engine/test-dial-plan";
import { silentLogger } from "../log";
import { createCallPresence } from "../presence/call-presence";
import { provisionPhone, startBench, until, type Bench } from "../simulator/test-helpers";
import { CallRegistry } from "./call-registry";
import { CONFIRM_PROMPT } from "./confirm-leg";

const SPEED = 100;
let bench: Bench;
let records: CallRecordInput[];
let steps: CallStep[];

const phone = (name: string, over: Partial<DialTarget> = {}): DialTarget =>
  ({ kind: "endpoint", endpoint: `PJSIP/${name}`, extensionId: `e-${name}`, label: `User ${name}`, ...over }) as DialTarget;
const mobile = (number: string, over: Partial<DialTarget> = {}): DialTarget =>
  ({ kind: "external", trunk: "trunk", number, ...over }) as DialTarget;
const dialStep = (targets: DialTarget[], over: Partial<DialStep> = {}): DialStep => ({
  type: "dial", targets, strategy: "sequential", timeoutSec: 20, callerId: { number: "+447700900001", name: null },
  onBusy: [], onNoAnswer: [{ type: "hangup", cause: "no_answer" }], onUnreachable: [], ...over,
});

beforeEach(async () => {
  bench = await startBench({ speed: SPEED, trunks: ["trunk"] });
  for (const name of ["bob", "dora"]) await provisionPhone(bench, name);
  records = [];
  const registry = new CallRegistry({
    ari: bench.ari, app: "centrex", log: silentLogger(), clock: () => new Date(),
    resolveCall: async () => ({ kind: "trunk", tenantId: "t1", didId: "d1", did: "+441632960001" }),
    dialPlanFor: async () => testPlan(),
    route: (): CallPlan => ({ tenantId: "t1", kind: "inbound", steps, trace: [], path: [], ruleChecks: [], roundRobin: [] }),
    recordCall: (r) => void records.push(r),
    presence: createCallPresence({ saveCallState: async () => {}, saveIdle: async () => {} }, silentLogger()),
    isAccepting: () => true,
    confirmTimeoutMs: 400,
  });
  registry.attach(bench.ari);
});

afterEach(async () => {
  await bench.close();
});

const call = () => bench.sim.scenario.placeInboundCall({ from: "+447700900001", to: "+441632960001" });
const bridgeOf = (id: string) => bench.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(id));
const events = () => bench.sim.scenario.stats().events;
const stamp = (e: { timestamp: string }) => Date.parse(e.timestamp.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
/** The trunk leg the worker dialled to `number` (its Dial events name the dial string). */
const dialsTo = (dialstring: string) => events().filter((e) => e.type === "Dial" && (e as { dialstring?: string }).dialstring === dialstring);
/** The answered trunk leg of the call (the caller came in over the trunk too). */
const trunkLeg = (callerId: string) => bench.sim.scenario.snapshot().channels.find((c) => c.id !== callerId && c.name.startsWith("PJSIP/trunk-") && c.state === "Up");

describe("executing routing plans", () => {
  it("rings a target for its own ring time, then the next one", async () => {
    bench.sim.scenario.setPhoneBehaviour("bob", { mode: "noAnswer" });
    steps = [dialStep([phone("bob", { ringSec: 5 }), phone("dora")])];
    const id = call();
    await until(() => bridgeOf(id)?.channels.length === 2, 5000);
    const bobDials = dialsTo("bob");
    const rangMs = (stamp(bobDials.find((e) => (e as { dialstatus?: string }).dialstatus === "NOANSWER")!) - stamp(bobDials[0]!)) * SPEED;
    expect(rangMs).toBeGreaterThanOrEqual(4500);
    expect(rangMs).toBeLessThan(8000); // the step's 20 s would be far more
    bench.sim.scenario.hangup(id);
    await until(() => records.length === 1);
    expect(records[0]).toMatchObject({ disposition: "ANSWERED", answeredByExtensionId: "e-dora", answeredBy: "User dora", forwardedVia: null });
  });

  it("answers the caller, plays a message to the end, then runs the next step", async () => {
    steps = [{ type: "play", media: ["sound:vm-goodbye"] }, { type: "hangup", cause: "normal" }];
    const id = call();
    await until(() => bench.sim.scenario.snapshot().destroyed.some((d) => d.id === id), 5000);
    const played = events().filter((e) => e.type.startsWith("Playback") && JSON.stringify(e).includes(`channel:${id}`)).map((e) => e.type);
    expect(played).toEqual(["PlaybackStarted", "PlaybackFinished"]);
    const order = events().filter((e) => (e.type === "ChannelStateChange" || e.type === "PlaybackFinished" || e.type === "ChannelDestroyed") && JSON.stringify(e).includes(id)).map((e) => e.type);
    expect(order.indexOf("PlaybackFinished")).toBeLessThan(order.indexOf("ChannelDestroyed"));
    await until(() => records.length === 1);
    expect(records[0]).toMatchObject({ answeredBy: null });
  });

  it("a forwarded leg that answers without pressing 1 is hung up, and the next destination rings", async () => {
    steps = [dialStep([mobile("+447700900555", { confirm: true, via: "FOLLOW_ME" }), phone("dora", { via: "FOLLOW_ME" })])];
    const id = call();
    await until(() => bridgeOf(id)?.channels.length === 2, 5000);
    const bridged = bridgeOf(id)!.channels.find((c) => c !== id)!;
    expect(bench.sim.scenario.snapshot().channels.find((c) => c.id === bridged)?.name).toMatch(/^PJSIP\/dora-/);
    // The mobile heard the prompt, then was hung up.
    expect(events().some((e) => e.type === "PlaybackStarted" && JSON.stringify(e).includes(CONFIRM_PROMPT))).toBe(true);
    expect(bench.sim.scenario.snapshot().destroyed.some((d) => d.id !== id && d.name.startsWith("PJSIP/trunk-"))).toBe(true);
    bench.sim.scenario.hangup(id);
    await until(() => records.length === 1);
    expect(records[0]).toMatchObject({ disposition: "ANSWERED", answeredBy: "User dora", forwardedVia: "FOLLOW_ME" });
  });

  it("a forwarded leg that presses 1 is bridged with the caller", async () => {
    steps = [dialStep([mobile("+447700900555", { confirm: true, via: "FOLLOW_ME" }), phone("dora")])];
    const id = call();
    await until(() => trunkLeg(id) !== undefined, 5000);
    const leg = trunkLeg(id)!;
    await until(() => events().some((e) => e.type === "PlaybackStarted" && JSON.stringify(e).includes(leg.id)), 2000);
    await bench.sim.scenario.sendDtmf(leg.id, "1");
    await until(() => bridgeOf(id)?.channels.includes(leg.id) === true, 2000);
    expect(dialsTo("dora")).toEqual([]);
    bench.sim.scenario.hangup(id);
    await until(() => records.length === 1);
    expect(records[0]).toMatchObject({ disposition: "ANSWERED", answeredByExtensionId: null, answeredBy: "+447700900555", forwardedVia: "FOLLOW_ME" });
  });
});
