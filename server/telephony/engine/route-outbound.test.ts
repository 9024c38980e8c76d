import { describe, expect, it } from "vitest";
import { routeCall } from "./route-call";
import { fromExtension, NOW, testPlan } from "./test-dial-plan";

const plan = testPlan();

describe("routeCall: outbound", () => {
  it("dials national numbers as E.164 through the trunk with the extension's CLI", () => {
    const result = routeCall(plan, fromExtension("e-alice", "07700 900123"), NOW);
    expect(result.kind).toBe("outbound");
    expect(result.steps).toEqual([
      { type: "dialOutbound", trunk: "carrier-a", number: "+447700900123", callerId: { number: "+441632960001", name: "Alice" }, isEmergency: false },
    ]);
  });

  it("presents a requested CLI the tenant may use", () => {
    const result = routeCall(plan, fromExtension("e-alice", "0033123456789", "+441632960002"), NOW);
    expect(result.steps[0]).toMatchObject({ number: "+33123456789", callerId: { number: "+441632960002" } });
  });

  it("falls back from a CLI the tenant may not use, and says so", () => {
    const result = routeCall(plan, fromExtension("e-alice", "07700900123", "+447000000000"), NOW);
    expect(result.steps[0]).toMatchObject({ callerId: { number: "+441632960001" } });
    expect(result.trace.join("\n")).toContain('Requested CLI "+447000000000" is not one this tenant may present');
  });

  it("treats a phone presenting its own extension number as no CLI request", () => {
    const result = routeCall(plan, fromExtension("e-alice", "07700900123", "201"), NOW);
    expect(result.trace.join("\n")).not.toContain("Requested CLI");
  });

  it("uses the tenant default when the extension's own CLI is missing or not allowed", () => {
    const bob = routeCall(plan, fromExtension("e-bob", "07700900123"), NOW);
    expect(bob.steps[0]).toMatchObject({ callerId: { number: "+441632960000" } });
    const carol = routeCall(plan, fromExtension("e-carol", "07700900123"), NOW);
    expect(carol.steps[0]).toMatchObject({ callerId: { number: "+441632960000" } });
    expect(carol.trace.join("\n")).toContain("+447700900999 is not allowed");
  });

  it("refuses outbound calls when the tenant has no trunk", () => {
    const result = routeCall(testPlan({ outbound: null }), fromExtension("e-alice", "07700900123"), NOW);
    expect(result).toMatchObject({ kind: "barred", steps: [{ type: "hangup", cause: "rejected" }] });
  });

  it("does not apply the inbound block list to outbound calls", () => {
    expect(routeCall(plan, fromExtension("e-alice", "+447700900666"), NOW).kind).toBe("outbound");
  });

  it("rejects numbers that are not valid E.164 once normalised", () => {
    const result = routeCall(plan, fromExtension("e-alice", "0012"), NOW);
    expect(result).toMatchObject({ kind: "invalid", steps: [{ type: "hangup", cause: "number_incomplete" }] });
  });
});

describe("routeCall: emergency", () => {
  it("sends the short code to the trunk, flagged, with the extension's own CLI", () => {
    const result = routeCall(plan, fromExtension("e-alice", "999", "+441632960002"), NOW);
    expect(result.kind).toBe("emergency");
    expect(result.steps).toEqual([
      { type: "dialOutbound", trunk: "carrier-a", number: "999", callerId: { number: "+441632960001", name: "Alice" }, isEmergency: true },
    ]);
  });

  it("wins over an extension configured with the same number", () => {
    const input = testPlan({ emergencyNumbers: ["201"] });
    expect(routeCall(input, fromExtension("e-bob", "201"), NOW).kind).toBe("emergency");
  });

  it("says clearly that it cannot be placed without a trunk", () => {
    const result = routeCall(testPlan({ outbound: null }), fromExtension("e-alice", "112"), NOW);
    expect(result).toMatchObject({ kind: "emergency", steps: [{ type: "hangup", cause: "congestion" }] });
    expect(result.trace.at(-1)).toContain("EMERGENCY call to 112 cannot be placed");
  });
});
