import { describe, expect, it } from "vitest";
import { flowId } from "./flow-ids";
import { routeCall } from "./route-call";
import { firstDial, group, rung, state, UK_CALLER, withRouting } from "./routing-fixture";
import { fromExtension, fromTrunk } from "./test-dial-plan";
import type { ExtensionConfig, HuntGroupConfig, RoutingState } from "./types";

const NOW = new Date("2027-01-04T10:00:00Z");
const DID = "+441632960006";
const ALICE = "PJSIP/alice", BOB = "PJSIP/bob", ERIN = "PJSIP/erin", FINN = "PJSIP/finn";

function huntPlan(g: Partial<HuntGroupConfig>, patches: Record<string, Partial<ExtensionConfig>> = {}) {
  return withRouting(patches, {
    huntGroups: [group("g-sales", g), group("g-overflow", { number: "601", strategy: "ringAll", members: [{ extensionId: "e-dora", ringSec: 20 }] })],
    dids: [{ number: DID, target: { kind: "huntGroup", huntGroupId: "g-sales" } }],
  });
}
const ring = (g: Partial<HuntGroupConfig>, s: Partial<RoutingState> = {}, patches: Record<string, Partial<ExtensionConfig>> = {}) =>
  routeCall(huntPlan(g, patches), fromTrunk(DID, UK_CALLER), NOW, state(s));

describe("hunt group strategies", () => {
  it.each<[string, Partial<HuntGroupConfig>, Partial<RoutingState>, string[]]>([
    ["ringAll", { strategy: "ringAll" }, {}, [ALICE, BOB, ERIN, FINN]],
    ["inOrder", { strategy: "inOrder" }, {}, [ALICE, BOB, ERIN, FINN]],
    ["roundRobin, cursor 0", { strategy: "roundRobin" }, {}, [ALICE, BOB, ERIN, FINN]],
    ["roundRobin, cursor 1", { strategy: "roundRobin" }, { roundRobinCursors: new Map([["g-sales", 1]]) }, [BOB, ERIN, FINN, ALICE]],
    ["roundRobin, cursor 6 wraps", { strategy: "roundRobin" }, { roundRobinCursors: new Map([["g-sales", 6]]) }, [ERIN, FINN, ALICE, BOB]],
    ["leastUsed by answered today, ties by position", { strategy: "leastUsed" },
      { usage: new Map([["e-alice", { answeredToday: 5, lastCallEndedAt: null }], ["e-bob", { answeredToday: 1, lastCallEndedAt: null }], ["e-erin", { answeredToday: 1, lastCallEndedAt: null }]]) },
      [FINN, BOB, ERIN, ALICE]],
    ["leastUsed by longest idle, never called first", { strategy: "leastUsed", leastUsedBy: "longestIdle" },
      { usage: new Map([["e-alice", { answeredToday: 0, lastCallEndedAt: new Date("2027-01-04T09:00:00Z") }], ["e-bob", { answeredToday: 0, lastCallEndedAt: new Date("2027-01-04T08:00:00Z") }], ["e-erin", { answeredToday: 3, lastCallEndedAt: null }]]) },
      [ERIN, FINN, BOB, ALICE]],
    ["random with a fixed source (Fisher-Yates)", { strategy: "random" }, { random: () => 0 }, [BOB, ERIN, FINN, ALICE]],
    ["random, another draw", { strategy: "random" }, { random: () => 0.99 }, [ALICE, BOB, ERIN, FINN]],
  ])("%s", (_, g, s, order) => {
    const result = ring(g, s);
    expect(rung(result.steps)).toEqual(order);
    expect(firstDial(result.steps).strategy).toBe(g.strategy === "ringAll" ? "simultaneous" : "sequential");
    expect(firstDial(result.steps).targets.every((t) => t.via === "HUNT_GROUP")).toBe(true);
  });

  it("records the round-robin cursor it used, and rotates the full list before skipping", () => {
    const result = ring({ strategy: "roundRobin" }, { roundRobinCursors: new Map([["g-sales", 1]]), busyExtensionIds: new Set(["e-bob"]) });
    expect(result.roundRobin).toEqual([{ huntGroupId: "g-sales", cursor: 1 }]);
    expect(rung(result.steps)).toEqual([ERIN, FINN, ALICE]);
    expect(result.path).toEqual([flowId.did(DID), flowId.huntGroup("g-sales"), flowId.huntMember("g-sales", "e-erin")]);
  });

  it("caps member ring times by the group's: all at once, or in total one after another", () => {
    const all = firstDial(ring({ strategy: "ringAll", ringSec: 10 }).steps);
    expect(all.targets.map((t) => t.ringSec)).toEqual([10, 10, 10, 10]);
    expect(all.timeoutSec).toBe(10);
    const inOrder = firstDial(ring({ strategy: "inOrder", ringSec: 40 }).steps);
    expect(inOrder.targets.map((t) => t.ringSec)).toEqual([15, 15, 10]);
  });
});

describe("hunt group availability and overflow", () => {
  it("skips members without a phone, on DND or on a call (unless call waiting)", () => {
    const patches = { "e-alice": { doNotDisturb: true }, "e-erin": { endpoint: null } };
    expect(rung(ring({}, { busyExtensionIds: new Set(["e-bob"]) }, patches).steps)).toEqual([FINN]);
    expect(rung(ring({ allowCallWaiting: true }, { busyExtensionIds: new Set(["e-bob"]) }, patches).steps)).toEqual([BOB, FINN]);
  });

  it("overflows (via HUNT_GROUP) when nobody answers or nobody is free", () => {
    const overflow = { kind: "huntGroup", huntGroupId: "g-overflow" } as const;
    const dial = firstDial(ring({ overflow }).steps);
    for (const branch of [dial.onBusy, dial.onNoAnswer, dial.onUnreachable]) expect(rung(branch)).toEqual(["PJSIP/dora"]);
    const everyoneBusy = ring({ overflow }, { busyExtensionIds: new Set(["e-alice", "e-bob", "e-erin", "e-finn"]) });
    expect(rung(everyoneBusy.steps)).toEqual(["PJSIP/dora"]);
    expect(everyoneBusy.path).toEqual([flowId.did(DID), flowId.huntGroup("g-sales"), flowId.huntGroup("g-overflow"), flowId.huntMember("g-overflow", "e-dora")]);
  });

  it("without overflow hangs up: busy when everyone was busy, else no answer", () => {
    expect(ring({}, { busyExtensionIds: new Set(["e-alice", "e-bob", "e-erin", "e-finn"]) }).steps).toEqual([{ type: "hangup", cause: "busy" }]);
    expect(ring({}, {}, { "e-alice": { doNotDisturb: true }, "e-bob": { doNotDisturb: true }, "e-erin": { doNotDisturb: true }, "e-finn": { doNotDisturb: true } }).steps)
      .toEqual([{ type: "hangup", cause: "no_answer" }]);
    const dial = firstDial(ring({}).steps);
    expect([dial.onBusy, dial.onNoAnswer]).toEqual([[{ type: "hangup", cause: "busy" }], [{ type: "hangup", cause: "no_answer" }]]);
  });

  it("cuts an overflow loop", () => {
    const plan = withRouting({}, { huntGroups: [group("g-a", { number: "600", overflow: { kind: "huntGroup", huntGroupId: "g-a" } })] });
    const result = routeCall(plan, fromExtension("e-dora", "600"), NOW, state({ busyExtensionIds: new Set(["e-alice", "e-bob", "e-erin", "e-finn"]) }));
    expect(result.steps).toEqual([{ type: "hangup", cause: "no_answer" }]);
    expect(result.trace.join("\n")).toContain("overflow loop");
  });

  it("is dialled by number internally; an extension's number wins over a group's", () => {
    const plan = withRouting({}, { huntGroups: [group("g-a", { number: "600" }), group("g-b", { number: "201" })] });
    expect(plan.warnings.join("\n")).toContain("number 201 is an extension's");
    expect(routeCall(plan, fromExtension("e-dora", "600"), NOW).kind).toBe("internal");
    expect(rung(routeCall(plan, fromExtension("e-dora", "600"), NOW).steps)).toEqual([ALICE, BOB, ERIN, FINN]);
    expect(rung(routeCall(plan, fromExtension("e-dora", "201"), NOW).steps)).toEqual([ALICE]);
  });

  it("skips a missing member and warns about it", () => {
    const plan = withRouting({}, { huntGroups: [group("g-a", { members: [{ extensionId: "gone", ringSec: 10 }, { extensionId: "e-bob", ringSec: 10 }] })] });
    expect(plan.warnings.join("\n")).toContain("a member extension is missing");
    expect(rung(routeCall(plan, fromExtension("e-dora", "600"), NOW).steps)).toEqual([BOB]);
  });
});
