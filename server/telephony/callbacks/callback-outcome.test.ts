import { describe, expect, it } from "vitest";
import { createLogger } from "../log";
import type { CallPlan } from "../engine";
import { CallSession } from "../stasis/call-session";
import { firstLegFailure, secondHalfFailure } from "./callback-outcome";

const log = createLogger({ write: () => undefined });
const session = (patch: Partial<Pick<CallSession, "disposition" | "isEnding">>) => Object.assign(new CallSession("a", "201", "", new Date(0), log), patch);
const plan = (kind: CallPlan["kind"], steps: CallPlan["steps"] = [{ type: "hangup", cause: "rejected" }]): CallPlan =>
  ({ tenantId: "t1", kind, steps, trace: ["Routed.", "Blocked: caller is on the block list. Hang up (rejected)."], path: [], ruleChecks: [], roundRobin: [] });
const dialled = plan("outbound", [{ type: "dialOutbound", trunk: "trunk", number: "+447700900123", callerId: { number: null, name: null }, isEmergency: false }]);

describe("callback outcomes", () => {
  it("names the first party's failure, and a shutdown as a lost worker", () => {
    expect(firstLegFailure("noAnswer", "User 201 (201)")).toEqual({ reason: "FIRST_NO_ANSWER", detail: "User 201 (201) did not answer." });
    expect(firstLegFailure("busy", "+447700900123").reason).toBe("FIRST_BUSY");
    expect(firstLegFailure("unreachable", "x").reason).toBe("FIRST_UNREACHABLE");
    expect(firstLegFailure("cancelled", "x").reason).toBe("WORKER_LOST");
  });

  it("blames the first party only when it hung up itself (the worker did not end it)", () => {
    expect(secondHalfFailure(session({ isEnding: false }), dialled, ["cancelled"]).reason).toBe("FIRST_HUNG_UP");
    expect(secondHalfFailure(session({ isEnding: true, disposition: "BUSY" }), dialled, ["busy"]).reason).toBe("SECOND_BUSY");
  });

  it("tells a refused route from a party who did not answer or could not be reached", () => {
    const refused = secondHalfFailure(session({ isEnding: true, disposition: "REJECTED" }), plan("blocked"), []);
    expect(refused).toEqual({ reason: "ROUTE_REFUSED", detail: "Blocked: caller is on the block list. Hang up (rejected)." });
    expect(secondHalfFailure(session({ isEnding: true }), dialled, ["noAnswer", "busy"]).reason).toBe("SECOND_NO_ANSWER");
    expect(secondHalfFailure(session({ isEnding: true }), dialled, ["unreachable"]).reason).toBe("SECOND_UNREACHABLE");
    expect(secondHalfFailure(session({ isEnding: true, disposition: "VOICEMAIL" }), dialled, ["noAnswer"]).reason).toBe("SECOND_NO_ANSWER");
    expect(secondHalfFailure(session({ isEnding: true }), null, []).reason).toBe("ERROR");
  });
});
