import { describe, expect, it } from "vitest";
import type { CallStep } from "./call-plan";
import { flowId } from "./flow-ids";
import { mediaPlan, prompt, queue } from "./media-fixture";
import type { CallQueueConfig } from "./media-types";
import { queueAttempt } from "./queue";
import { routeCall } from "./route-call";
import { state, UK_CALLER } from "./routing-fixture";
import { fromExtension, fromTrunk } from "./test-dial-plan";
import type { ExtensionConfig, RoutingState } from "./types";
import { EMPTY_ROUTING_STATE } from "./types";

const NOW = new Date("2027-01-04T10:00:00Z");
const DID = "+441632960006";
const ALICE = "PJSIP/alice", BOB = "PJSIP/bob", ERIN = "PJSIP/erin", FINN = "PJSIP/finn";
const NOBODY = ["e-alice", "e-bob", "e-erin", "e-finn"].map((extensionId) => ({ extensionId, isLoggedIn: false }));

const queuePlan = (q: Partial<CallQueueConfig>, patches: Record<string, Partial<ExtensionConfig>> = {}) =>
  mediaPlan({ queues: [queue("q-support", q)] }, { dids: [{ number: DID, target: { kind: "queue", queueId: "q-support" } }] }, patches);
const call = (q: Partial<CallQueueConfig>) => routeCall(queuePlan(q), fromTrunk(DID, UK_CALLER), NOW, EMPTY_ROUTING_STATE);

describe("a call queue reached by a number", () => {
  it("gives one queue step with its hold media, announcements and timings", () => {
    const result = call({ holdMedia: [prompt("hold")], announceWaitTime: false, memberRingSec: 12, retrySec: 4, maxWaitSec: 120 });
    expect(result.steps).toEqual([{
      type: "queue", queueId: "q-support", name: "q-support", holdMedia: [prompt("hold")], announcePosition: true, announceWaitTime: false,
      announceEverySec: 60, memberRingSec: 12, retrySec: 4, maxWaitSec: 120, onTimeout: [{ type: "hangup", cause: "normal" }],
    }]);
    expect(result.path).toEqual([flowId.did(DID), flowId.queue("q-support")]);
  });

  it.each<[string, Partial<CallQueueConfig>, CallStep[]]>([
    ["after the maximum wait: voicemail", { onTimeout: { kind: "voicemail", mailbox: "support@t1" } }, [{ type: "voicemail", mailbox: "support@t1", greeting: "unavailable" }]],
    ["after the maximum wait: nothing set, hang up", { onTimeout: null }, [{ type: "hangup", cause: "normal" }]],
    ["after the maximum wait: a missing extension, hang up", { onTimeout: { kind: "extension", extensionId: "gone" } }, [{ type: "hangup", cause: "normal" }]],
  ])("%s", (_, q, onTimeout) => {
    expect(call(q).steps[0]).toMatchObject({ type: "queue", onTimeout });
  });

  it("with nobody logged in and 'leave', the caller goes on at once (on the path)", () => {
    const result = call({ members: NOBODY, whenNoMembers: "leave", noMembersDestination: { kind: "extension", extensionId: "e-bob" } });
    expect(result.steps[0]).toMatchObject({ type: "dial", targets: [{ endpoint: BOB, via: "QUEUE" }] });
    expect(result.path).toEqual([flowId.did(DID), flowId.queue("q-support"), flowId.extension("e-bob"), flowId.ring("e-bob")]);
  });

  it("with nobody logged in and 'leave' without a destination: hang up", () => {
    expect(call({ members: NOBODY, whenNoMembers: "leave" }).steps).toEqual([{ type: "hangup", cause: "normal" }]);
  });

  it("with nobody logged in and 'wait', the caller waits in the queue", () => {
    const result = call({ members: NOBODY, whenNoMembers: "wait", noMembersDestination: { kind: "extension", extensionId: "e-bob" } });
    expect(result.steps[0]?.type).toBe("queue");
    expect(result.trace).toContain("Nobody is logged in yet; the caller waits up to 300s for a member.");
  });

  it("an extension dialling the queue's number reaches it; an extension's number wins over a queue's", () => {
    expect(routeCall(queuePlan({}), fromExtension("e-bob", "700"), NOW).steps[0]).toMatchObject({ type: "queue", queueId: "q-support" });
    const clash = queuePlan({ number: "201" });
    expect(routeCall(clash, fromExtension("e-bob", "201"), NOW).steps[0]).toMatchObject({ type: "dial", targets: [{ endpoint: ALICE }] });
    expect(clash.warnings).toContain("call queue q-support: number 201 is an extension's; dialling it rings the extension");
  });

  it("a queue whose timeout leads back to itself is cut, not planned forever", () => {
    const step = call({ onTimeout: { kind: "queue", queueId: "q-support" } }).steps[0];
    expect(step).toMatchObject({ type: "queue", onTimeout: [{ type: "hangup", cause: "normal" }] });
  });
});

describe("queueAttempt", () => {
  const attempt = (q: Partial<CallQueueConfig>, s: Partial<RoutingState> = {}, patches: Record<string, Partial<ExtensionConfig>> = {}, callerNumber: string | null = UK_CALLER) =>
    queueAttempt(queuePlan(q, patches), "q-support", state(s), { number: callerNumber, name: null });
  const endpoints = (a: ReturnType<typeof attempt>) => a?.targets.map((t) => (t.kind === "endpoint" ? t.endpoint : "")) ?? null;

  it.each<[string, Partial<CallQueueConfig>, Partial<RoutingState>, string[]]>([
    ["ringAll", { strategy: "ringAll" }, {}, [ALICE, BOB, ERIN, FINN]],
    ["inOrder", { strategy: "inOrder" }, {}, [ALICE, BOB, ERIN, FINN]],
    ["roundRobin, cursor 0", { strategy: "roundRobin" }, {}, [ALICE, BOB, ERIN, FINN]],
    ["roundRobin, cursor 5 wraps", { strategy: "roundRobin" }, { roundRobinCursors: new Map([["q-support", 5]]) }, [BOB, ERIN, FINN, ALICE]],
    ["leastUsed by answered today", { strategy: "leastUsed" },
      { usage: new Map([["e-alice", { answeredToday: 4, lastCallEndedAt: null }], ["e-bob", { answeredToday: 2, lastCallEndedAt: null }], ["e-erin", { answeredToday: 0, lastCallEndedAt: null }], ["e-finn", { answeredToday: 3, lastCallEndedAt: null }]]) },
      [ERIN, BOB, FINN, ALICE]],
    ["leastUsed by longest idle", { strategy: "leastUsed", leastUsedBy: "longestIdle" },
      { usage: new Map([["e-alice", { answeredToday: 0, lastCallEndedAt: new Date("2027-01-04T09:00:00Z") }], ["e-bob", { answeredToday: 0, lastCallEndedAt: new Date("2027-01-04T08:00:00Z") }]]) },
      [ERIN, FINN, BOB, ALICE]],
    ["random with a fixed source", { strategy: "random" }, { random: () => 0 }, [BOB, ERIN, FINN, ALICE]],
  ])("%s", (_, q, s, order) => {
    const result = attempt(q, s);
    expect(endpoints(result)).toEqual(order);
    expect(result?.strategy).toBe(q.strategy === "ringAll" ? "simultaneous" : "sequential");
    expect(result?.timeoutSec).toBe(15);
    expect(result?.targets.every((t) => t.via === "QUEUE" && t.ringSec === 15)).toBe(true);
  });

  it("skips members logged out, without a phone, on do-not-disturb, on a call, or calling the queue themselves", () => {
    const members = [
      { extensionId: "e-alice", isLoggedIn: true }, { extensionId: "e-bob", isLoggedIn: false }, { extensionId: "e-carol", isLoggedIn: true },
      { extensionId: "e-dora", isLoggedIn: true }, { extensionId: "e-erin", isLoggedIn: true }, { extensionId: "e-finn", isLoggedIn: true },
      { extensionId: "gone", isLoggedIn: true },
    ];
    const result = attempt({ members }, { busyExtensionIds: new Set(["e-erin"]) }, { "e-dora": { doNotDisturb: true } }, "205");
    expect(endpoints(result)).toEqual([ALICE]);
  });

  it("returns the round-robin cursor to claim under the queue's id, rotating the full list before skipping", () => {
    const result = attempt({ strategy: "roundRobin" }, { roundRobinCursors: new Map([["q-support", 1]]), busyExtensionIds: new Set(["e-bob"]) });
    expect(result?.roundRobin).toEqual([{ huntGroupId: "q-support", cursor: 1 }]);
    expect(endpoints(result)).toEqual([ERIN, FINN, ALICE]);
    expect(attempt({ strategy: "ringAll" })?.roundRobin).toEqual([]);
  });

  it("is null when nobody can be rung now, or the queue is gone", () => {
    expect(attempt({ members: NOBODY })).toBeNull();
    expect(attempt({}, { busyExtensionIds: new Set(["e-alice", "e-bob", "e-erin", "e-finn"]) })).toBeNull();
    expect(queueAttempt(queuePlan({}), "gone", EMPTY_ROUTING_STATE, { number: null, name: null })).toBeNull();
  });

  it("uses a safe ring time when the configured one is nonsense", () => {
    expect(attempt({ memberRingSec: -3 })?.timeoutSec).toBe(15);
  });
});
