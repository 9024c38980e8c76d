import { describe, expect, it } from "vitest";
import { endsTerminally } from "./call-plan";
import { flowId } from "./flow-ids";
import { routeCall } from "./route-call";
import { ALICE_DID, firstDial, period, rung, UK_CALLER, withRouting } from "./routing-fixture";
import { fromExtension, fromTrunk } from "./test-dial-plan";
import type { FollowMeConfig, FollowMeStepConfig } from "./types";

const MONDAY_10 = new Date("2027-01-04T10:00:00Z");
const MONDAY_20 = new Date("2027-01-04T20:00:00Z");
const call = fromTrunk(ALICE_DID, UK_CALLER);
const VOICEMAIL_BUSY = [{ type: "voicemail", mailbox: "201@t1", greeting: "busy" }];
const VOICEMAIL = [{ type: "voicemail", mailbox: "201@t1", greeting: "unavailable" }];

const step = (id: string, s: Partial<FollowMeStepConfig>): FollowMeStepConfig =>
  ({ id, destination: { kind: "extension", extensionId: "e-bob" }, ringSec: 10, confirm: false, activePeriod: null, ...s });
const followMe = (f: Partial<FollowMeConfig>): FollowMeConfig => ({ strategy: "sequential", ringSelfFirstSec: null, steps: [], ...f });

describe("do-not-disturb", () => {
  it.each([
    ["with voicemail: the busy greeting", "e-alice", ALICE_DID, VOICEMAIL_BUSY],
    ["without: busy", "e-bob", "+441632960006", [{ type: "hangup", cause: "busy" }]],
  ])("%s", (_, id, did, steps) => {
    const result = routeCall(withRouting({ [id]: { doNotDisturb: true } }), fromTrunk(did, UK_CALLER), MONDAY_10);
    expect(result.steps).toEqual(steps);
    expect(result.path.slice(1, 3)).toEqual([flowId.extension(id), flowId.dnd(id)]);
  });
});

describe("forwarding", () => {
  it("forward always to an extension recurses into its handling (via FORWARD_ALWAYS)", () => {
    const plan = withRouting({ "e-alice": { forwarding: { always: { kind: "extension", extensionId: "e-erin" }, busy: null, noAnswer: null } }, "e-erin": { doNotDisturb: true } });
    const result = routeCall(plan, call, MONDAY_10);
    expect(result.steps).toEqual([{ type: "voicemail", mailbox: "204@t1", greeting: "busy" }]);
    expect(result.path).toEqual([flowId.did(ALICE_DID), flowId.extension("e-alice"), flowId.forward("e-alice", "always"), flowId.extension("e-erin"), flowId.dnd("e-erin"), flowId.voicemail("204@t1")]);
  });

  it("forward always to an outside number leaves via the trunk", () => {
    const plan = withRouting({ "e-alice": { forwarding: { always: { kind: "external", number: "07700 900123" }, busy: null, noAnswer: null } } });
    expect(routeCall(plan, call, MONDAY_10).steps).toEqual([
      { type: "dialOutbound", trunk: "carrier-a", number: "+447700900123", callerId: { number: ALICE_DID, name: null }, isEmergency: false, via: "FORWARD_ALWAYS" },
    ]);
  });

  it("busy and no-answer forwards replace voicemail in those branches", () => {
    const plan = withRouting({ "e-alice": { forwarding: { always: null, busy: { kind: "extension", extensionId: "e-bob" }, noAnswer: { kind: "voicemail", mailbox: "sales@t1" } } } });
    const dial = firstDial(routeCall(plan, call, MONDAY_10).steps);
    expect(dial.targets).toMatchObject([{ endpoint: "PJSIP/alice" }]);
    expect(dial.onBusy[0]).toMatchObject({ type: "dial", targets: [{ endpoint: "PJSIP/bob", via: "FORWARD_BUSY" }] });
    expect(dial.onNoAnswer).toEqual([{ type: "voicemail", mailbox: "sales@t1", greeting: "unavailable" }]);
    expect(dial.onUnreachable).toEqual(dial.onNoAnswer);
  });

  it("without forwards: voicemail with the right greeting, or busy / hang up", () => {
    const dial = firstDial(routeCall(withRouting(), call, MONDAY_10).steps);
    expect([dial.onBusy, dial.onNoAnswer]).toEqual([VOICEMAIL_BUSY, VOICEMAIL]);
    const bob = firstDial(routeCall(withRouting(), fromExtension("e-alice", "202"), MONDAY_10).steps);
    expect([bob.onBusy, bob.onNoAnswer, bob.onUnreachable]).toEqual([[{ type: "hangup", cause: "busy" }], [{ type: "hangup", cause: "no_answer" }], [{ type: "hangup", cause: "congestion" }]]);
  });

  it("cuts a forwarding loop: the looped-back extension's phone rings, nothing else", () => {
    const plan = withRouting({
      "e-alice": { forwarding: { always: { kind: "extension", extensionId: "e-bob" }, busy: null, noAnswer: null } },
      "e-bob": { forwarding: { always: { kind: "extension", extensionId: "e-alice" }, busy: null, noAnswer: null } },
    });
    const result = routeCall(plan, call, MONDAY_10);
    expect(rung(result.steps)).toEqual(["PJSIP/alice"]);
    expect(result.trace.join("\n")).toContain("forwarding loop");
    expect(result.path.at(-1)).toBe(flowId.extension("e-alice"));
    expect(endsTerminally(result.steps)).toBe(true);
  });

  it("skips a dangling forward with a warning and a trace line", () => {
    const plan = withRouting({ "e-alice": { forwarding: { always: { kind: "extension", extensionId: "gone" }, busy: null, noAnswer: null } } });
    expect(plan.warnings.join("\n")).toContain("extension 201: forward always points at a missing extension");
    const result = routeCall(plan, call, MONDAY_10);
    expect(rung(result.steps)).toEqual(["PJSIP/alice"]);
    expect(result.trace.join("\n")).toContain("forward always points at a missing extension; skipped");
  });
});

describe("follow-me", () => {
  const mobile = step("s-mobile", { destination: { kind: "external", number: "07700 900123" }, ringSec: 25, confirm: true });
  const bob = step("s-bob", { ringSec: 12 });
  const evenings = step("s-erin", { destination: { kind: "extension", extensionId: "e-erin" }, activePeriod: period({ timeRanges: [{ start: "18:00", end: "23:00" }] }) });

  it("rings the active entries in order, each for its time, external ones with confirm", () => {
    const plan = withRouting({ "e-alice": { followMe: followMe({ steps: [bob, evenings, mobile] }) } });
    const result = routeCall(plan, call, MONDAY_10);
    const dial = firstDial(result.steps);
    expect(dial).toMatchObject({ strategy: "sequential", timeoutSec: 25 });
    expect(dial.targets).toEqual([
      { kind: "endpoint", endpoint: "PJSIP/bob", extensionId: "e-bob", label: "Bob (202)", ringSec: 12, via: "FOLLOW_ME" },
      { kind: "external", trunk: "carrier-a", number: "+447700900123", confirm: true, ringSec: 25, via: "FOLLOW_ME" },
    ]);
    expect(dial.onBusy).toEqual(VOICEMAIL);
    expect(dial.onNoAnswer).toEqual(VOICEMAIL);
    expect(result.trace.join("\n")).toContain("Follow-me entry 2 is not active now (Monday 10:00 is outside 18:00–23:00); skipped.");
    expect(result.path).toEqual([flowId.did(ALICE_DID), flowId.extension("e-alice"), flowId.followMeStep("e-alice", "s-bob")]);
    expect(rung(routeCall(plan, call, MONDAY_20).steps)).toEqual(["PJSIP/bob", "PJSIP/erin", "+447700900123"]);
  });

  it("rings all at once with per-target ring times", () => {
    const plan = withRouting({ "e-alice": { followMe: followMe({ strategy: "simultaneous", steps: [bob, mobile] }) } });
    const dial = firstDial(routeCall(plan, call, MONDAY_10).steps);
    expect(dial).toMatchObject({ strategy: "simultaneous", timeoutSec: 25, targets: [{ ringSec: 12 }, { ringSec: 25 }] });
  });

  it("rings the extension itself first, then the list on busy or no answer", () => {
    const plan = withRouting({ "e-alice": { followMe: followMe({ ringSelfFirstSec: 8, steps: [bob] }), forwarding: { always: null, busy: null, noAnswer: { kind: "voicemail", mailbox: "sales@t1" } } } });
    const result = routeCall(plan, call, MONDAY_10);
    const self = firstDial(result.steps);
    expect(self).toMatchObject({ timeoutSec: 8, targets: [{ endpoint: "PJSIP/alice" }] });
    expect(self.targets[0]?.via).toBeUndefined();
    for (const branch of [self.onBusy, self.onNoAnswer, self.onUnreachable]) {
      expect(branch[0]).toMatchObject({ type: "dial", targets: [{ endpoint: "PJSIP/bob", via: "FOLLOW_ME" }] });
      expect(firstDial(branch).onNoAnswer).toEqual([{ type: "voicemail", mailbox: "sales@t1", greeting: "unavailable" }]); // after the list: forward no answer
    }
    expect(result.path).toEqual([flowId.did(ALICE_DID), flowId.extension("e-alice"), flowId.ring("e-alice")]);
  });

  it("an extension entry rings that phone only, ignoring its forwarding; DND and phone-less ones are skipped", () => {
    const plan = withRouting({
      "e-alice": { followMe: followMe({ steps: [step("s-carol", { destination: { kind: "extension", extensionId: "e-carol" } }), step("s-erin", { destination: { kind: "extension", extensionId: "e-erin" } }), bob] }) },
      "e-erin": { doNotDisturb: true },
      "e-bob": { forwarding: { always: { kind: "external", number: "+15551234567" }, busy: null, noAnswer: null } },
    });
    const result = routeCall(plan, call, MONDAY_10);
    expect(rung(result.steps)).toEqual(["PJSIP/bob"]);
    expect(result.path.slice(2)).toEqual([flowId.followMeStep("e-alice", "s-carol"), flowId.followMeStep("e-alice", "s-erin"), flowId.followMeStep("e-alice", "s-bob")]);
  });

  it("a voicemail or hunt-group entry ends the list", () => {
    const plan = withRouting({ "e-alice": { followMe: followMe({ steps: [bob, step("s-vm", { destination: { kind: "voicemail", mailbox: "sales@t1" } }), mobile] }) } });
    const dial = firstDial(routeCall(plan, call, MONDAY_10).steps);
    expect(rung([dial])).toEqual(["PJSIP/bob"]);
    expect(dial.onNoAnswer).toEqual([{ type: "voicemail", mailbox: "sales@t1", greeting: "unavailable" }]);
  });

  it("a list without entries is ignored with a warning: the extension rings normally", () => {
    const plan = withRouting({ "e-alice": { followMe: followMe({ ringSelfFirstSec: 5, steps: [] }) } });
    expect(plan.warnings.join("\n")).toContain("follow-me has no entries");
    expect(firstDial(routeCall(plan, call, MONDAY_10).steps)).toMatchObject({ timeoutSec: 20, targets: [{ endpoint: "PJSIP/alice" }], onNoAnswer: VOICEMAIL });
  });

  it("with no active entry, goes where an unanswered call goes", () => {
    const plan = withRouting({ "e-alice": { followMe: followMe({ steps: [evenings] }) } });
    const result = routeCall(plan, call, MONDAY_10);
    expect(result.steps).toEqual(VOICEMAIL);
    expect(result.path.slice(-2)).toEqual([flowId.followMeStep("e-alice", "s-erin"), flowId.voicemail("201@t1")]);
  });
});
