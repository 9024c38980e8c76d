import { describe, expect, it } from "vitest";
import type { DialStep } from "./call-plan";
import { routeCall } from "./route-call";
import { fromExtension, NOW, testPlan } from "./test-dial-plan";

const plan = testPlan();

describe("routeCall: extension to extension", () => {
  it("rings the callee with the caller's configured identity and voicemail fallbacks", () => {
    const result = routeCall(plan, fromExtension("e-bob", "201", "+449999999999"), NOW);
    expect(result.kind).toBe("internal");
    expect(result.steps).toEqual([
      {
        type: "dial",
        targets: [{ kind: "endpoint", endpoint: "PJSIP/alice", extensionId: "e-alice", label: "Alice (201)" }],
        strategy: "simultaneous",
        timeoutSec: 20,
        callerId: { number: "202", name: "Bob" },
        onBusy: [{ type: "voicemail", mailbox: "201@t1", greeting: "busy" }],
        onNoAnswer: [{ type: "voicemail", mailbox: "201@t1", greeting: "unavailable" }],
        onUnreachable: [{ type: "voicemail", mailbox: "201@t1", greeting: "unavailable" }],
      },
    ]);
  });

  it("gives busy signal / hangup causes when the callee has no voicemail", () => {
    const [dial] = routeCall(plan, fromExtension("e-alice", "202"), NOW).steps as [DialStep];
    expect(dial.onBusy).toEqual([{ type: "hangup", cause: "busy" }]);
    expect(dial.onNoAnswer).toEqual([{ type: "hangup", cause: "no_answer" }]);
    expect(dial.onUnreachable).toEqual([{ type: "hangup", cause: "congestion" }]);
  });

  it("sends an extension without a phone straight to its voicemail", () => {
    const result = routeCall(plan, fromExtension("e-alice", "203"), NOW);
    expect(result.steps).toEqual([{ type: "voicemail", mailbox: "203@t1", greeting: "unavailable" }]);
    expect(result.trace.join("\n")).toContain("no phone provisioned");
  });

  it("matches extension numbers before national-prefix normalisation and honours ring time", () => {
    const result = routeCall(plan, fromExtension("e-alice", "0123"), NOW);
    expect(result.kind).toBe("internal");
    expect((result.steps[0] as DialStep).timeoutSec).toBe(35);
  });

  it("falls back to a sane ring time when the configured one is nonsense", () => {
    const broken = testPlan({ defaultRingTimeoutSec: -5 });
    expect((routeCall(broken, fromExtension("e-alice", "202"), NOW).steps[0] as DialStep).timeoutSec).toBe(20);
  });

  it("answers unknown internal numbers with unallocated", () => {
    const result = routeCall(plan, fromExtension("e-alice", "299"), NOW);
    expect(result).toMatchObject({ kind: "unallocated", steps: [{ type: "hangup", cause: "unallocated" }] });
  });

  it("answers undiallable strings with number_incomplete", () => {
    const result = routeCall(plan, fromExtension("e-alice", "hello"), NOW);
    expect(result).toMatchObject({ kind: "invalid", steps: [{ type: "hangup", cause: "number_incomplete" }] });
  });

  it("rejects a calling extension that is not in the tenant", () => {
    const result = routeCall(plan, fromExtension("e-stranger", "201"), NOW);
    expect(result).toMatchObject({ kind: "invalid", steps: [{ type: "hangup", cause: "rejected" }] });
  });

  it("keeps calls to the tenant's own DID on-net", () => {
    const result = routeCall(plan, fromExtension("e-bob", "01632 960001"), NOW);
    expect(result.kind).toBe("internal");
    expect(result.steps[0]).toMatchObject({ type: "dial", callerId: { number: "202", name: "Bob" } });
    expect(result.trace.join("\n")).toContain("own DID");
  });

  it("starts the trace with the tenant-local time of the call", () => {
    const summer = new Date("2025-07-01T12:00:00Z");
    expect(routeCall(plan, fromExtension("e-alice", "202"), NOW).trace[0]).toContain("Mon 2025-01-06 09:15 Europe/London");
    expect(routeCall(plan, fromExtension("e-alice", "202"), summer).trace[0]).toContain("13:00 Europe/London");
    const badZone = testPlan({ timeZone: "Mars/Olympus" });
    expect(routeCall(badZone, fromExtension("e-alice", "202"), NOW).trace[0]).toContain('09:15 UTC (unknown time zone "Mars/Olympus")');
  });
});
