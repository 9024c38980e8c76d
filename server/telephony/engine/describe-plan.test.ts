import { describe, expect, it } from "vitest";
import { describePlan } from "./describe-plan";
import { routeCall } from "./route-call";
import { fromExtension, fromTrunk, NOW, testPlan } from "./test-dial-plan";

const plan = testPlan();

describe("describePlan", () => {
  it("outlines a dial with its indented fallback branches", () => {
    expect(describePlan(routeCall(plan, fromTrunk("+441632960006", "07700900123", "Mr Smith"), NOW))).toEqual([
      '1. Ring PJSIP/bob for 20s, showing "Mr Smith" <+447700900123>',
      "   If busy:",
      "      1. Hang up (busy)",
      "   If no answer:",
      "      1. Hang up (no_answer)",
      "   If unreachable:",
      "      1. Hang up (congestion)",
    ]);
  });

  it("marks withheld callers and emergency calls", () => {
    expect(describePlan(routeCall(plan, fromTrunk("+441632960001", null), NOW))[0]).toContain("showing withheld");
    expect(describePlan(routeCall(plan, fromExtension("e-alice", "999"), NOW))).toEqual([
      '1. EMERGENCY call 999 via carrier-a, showing "Alice" <+441632960001>',
    ]);
  });

  it("describes voicemail and hangups in one line each", () => {
    expect(describePlan(routeCall(plan, fromTrunk("+441632960002", null), NOW))).toEqual(["1. Voicemail box sales@t1 (unavailable greeting)"]);
    expect(describePlan(routeCall(plan, fromExtension("e-alice", "299"), NOW))).toEqual(["1. Hang up (unallocated)"]);
  });

  it("names a fax account by its endpoint", () => {
    expect(describePlan(routeCall(plan, fromTrunk("+441632960007", null), NOW))[0]).toBe("1. Ring PJSIP/fax-1 for 60s, showing withheld");
  });

  it("lists several targets with their strategy", () => {
    const lines = describePlan({
      tenantId: "t1",
      kind: "inbound",
      trace: [],
      path: [],
      ruleChecks: [],
      roundRobin: [],
      steps: [{
        type: "dial",
        targets: [{ kind: "endpoint", endpoint: "PJSIP/a", extensionId: "a", label: "A (200)" }, { kind: "external", trunk: "carrier-a", number: "+447700900123" }],
        strategy: "sequential",
        timeoutSec: 15,
        callerId: { number: "+441632960000", name: null },
        onBusy: [{ type: "hangup", cause: "busy" }],
        onNoAnswer: [{ type: "hangup", cause: "no_answer" }],
        onUnreachable: [{ type: "hangup", cause: "congestion" }],
      }],
    });
    expect(lines[0]).toBe("1. Ring PJSIP/a, +447700900123 via carrier-a (sequential) for 15s, showing +441632960000");
  });

  it("shows why a party rings, per-target ring times, press-1 confirmation and played messages", () => {
    const lines = describePlan({
      tenantId: "t1", kind: "inbound", trace: [], path: [], ruleChecks: [], roundRobin: [],
      steps: [{
        type: "dial",
        targets: [
          { kind: "endpoint", endpoint: "PJSIP/a", extensionId: "a", label: "A (200)", ringSec: 10, via: "FOLLOW_ME" },
          { kind: "external", trunk: "carrier-a", number: "+447700900123", confirm: true, ringSec: 25, via: "FOLLOW_ME" },
        ],
        strategy: "sequential",
        timeoutSec: 25,
        callerId: { number: "+441632960000", name: null },
        onBusy: [{ type: "dialOutbound", trunk: "carrier-a", number: "+15551234567", callerId: { number: "+441632960000", name: null }, isEmergency: false, via: "FORWARD_BUSY" }],
        onNoAnswer: [{ type: "play", media: ["sound:vm-goodbye"] }, { type: "hangup", cause: "normal" }],
        onUnreachable: [{ type: "hangup", cause: "congestion" }],
      }],
    });
    expect(lines.slice(0, 6)).toEqual([
      "1. Ring PJSIP/a for 10s [follow-me], +447700900123 via carrier-a (press 1 to accept) [follow-me] (sequential) for 25s, showing +441632960000",
      "   If busy:",
      "      1. Call +15551234567 via carrier-a [forward when busy], showing +441632960000",
      "   If no answer:",
      "      1. Answer and play sound:vm-goodbye",
      "      2. Hang up (normal)",
    ]);
  });
});
