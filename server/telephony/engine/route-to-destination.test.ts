import { describe, expect, it } from "vitest";
import { endsTerminally } from "./call-plan";
import { routeToDestination } from "./route-to-destination";
import { fromExtension, fromTrunk, NOW, testPlan } from "./test-dial-plan";
import type { HuntGroupConfig } from "./types";

const group = (members: string[]): HuntGroupConfig => ({
  id: "g-sales", number: "600", name: "Sales", strategy: "ringAll", leastUsedBy: "answeredToday", ringSec: 20,
  members: members.map((extensionId) => ({ extensionId, ringSec: 20 })), allowCallWaiting: false, overflow: null,
});

describe("routeToDestination: the company side of a callback", () => {
  it("rings an extension presenting the visitor's number in E.164", () => {
    const plan = routeToDestination(testPlan(), fromTrunk("", "07700 900123"), { kind: "extension", extensionId: "e-bob" }, NOW);
    expect(plan.kind).toBe("inbound");
    expect(plan.steps[0]).toMatchObject({ type: "dial", targets: [{ endpoint: "PJSIP/bob" }], callerId: { number: "+447700900123" } });
    expect(endsTerminally(plan.steps)).toBe(true);
  });

  it("rings every member of a ring-all hunt group", () => {
    const snapshot = testPlan({ huntGroups: [group(["e-alice", "e-bob"])] });
    const plan = routeToDestination(snapshot, fromTrunk("", "+447700900123"), { kind: "huntGroup", huntGroupId: "g-sales" }, NOW);
    const endpoints = plan.steps.flatMap((s) => (s.type === "dial" ? s.targets.map((t) => ("endpoint" in t ? t.endpoint : t.number)) : []));
    expect(endpoints).toEqual(expect.arrayContaining(["PJSIP/alice", "PJSIP/bob"]));
  });

  it("refuses a visitor on the company's block list", () => {
    const plan = routeToDestination(testPlan(), fromTrunk("", "+447700900666"), { kind: "extension", extensionId: "e-bob" }, NOW);
    expect(plan.kind).toBe("blocked");
    expect(plan.steps).toEqual([{ type: "hangup", cause: "rejected" }]);
  });

  it("presents an extension (the admin's test call) as itself, as an internal call", () => {
    const plan = routeToDestination(testPlan(), fromExtension("e-alice", "202"), { kind: "extension", extensionId: "e-bob" }, NOW);
    expect(plan.kind).toBe("internal");
    expect(plan.steps[0]).toMatchObject({ type: "dial", callerId: { number: "201", name: "Alice" } });
  });

  it("hangs up for a destination that no longer exists, and for a suspended company", () => {
    const gone = routeToDestination(testPlan(), fromTrunk("", "+447700900123"), { kind: "huntGroup", huntGroupId: "g-gone" }, NOW);
    expect(gone.steps).toEqual([{ type: "hangup", cause: "unallocated" }]);
    const suspended = routeToDestination(testPlan({ isSuspended: true }), fromTrunk("", "+447700900123"), { kind: "extension", extensionId: "e-bob" }, NOW);
    expect(suspended.kind).toBe("barred");
  });
});
