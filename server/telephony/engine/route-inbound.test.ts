import { describe, expect, it } from "vitest";
import { endsTerminally } from "./call-plan";
import { routeCall } from "./route-call";
import { fromExtension, fromTrunk, NOW, testPlan } from "./test-dial-plan";

const plan = testPlan();

describe("routeCall: inbound DIDs", () => {
  it("rings the DID's extension showing the network caller", () => {
    const result = routeCall(plan, fromTrunk("+441632960001", "07700 900123", "Mr Smith"), NOW);
    expect(result.kind).toBe("inbound");
    expect(result.steps[0]).toMatchObject({
      type: "dial",
      targets: [{ endpoint: "PJSIP/alice" }],
      callerId: { number: "+447700900123", name: "Mr Smith" },
    });
  });

  it("accepts the called number in national form or E.164 without +", () => {
    expect(routeCall(plan, fromTrunk("01632960001", "+447700900123"), NOW).kind).toBe("inbound");
    expect(routeCall(plan, fromTrunk("441632960001", "+447700900123"), NOW).kind).toBe("inbound");
  });

  it("sends a voicemail DID straight to its mailbox", () => {
    const result = routeCall(plan, fromTrunk("+441632960002", "+447700900123"), NOW);
    expect(result.steps).toEqual([{ type: "voicemail", mailbox: "sales@t1", greeting: "unavailable" }]);
  });

  it("forwards externally presenting the caller when configured to", () => {
    const result = routeCall(plan, fromTrunk("+441632960003", "+447700900123"), NOW);
    expect(result.steps).toEqual([
      { type: "dialOutbound", trunk: "carrier-a", number: "+447700900123", callerId: { number: "+447700900123", name: null }, isEmergency: false },
    ]);
  });

  it("forwards externally presenting the DID by default or when the caller is withheld", () => {
    const byDefault = routeCall(plan, fromTrunk("+441632960004", "+447700900123"), NOW);
    expect(byDefault.steps[0]).toMatchObject({ number: "+15551234567", callerId: { number: "+441632960004" } });
    const withheld = routeCall(plan, fromTrunk("+441632960003", "anonymous"), NOW);
    expect(withheld.steps[0]).toMatchObject({ callerId: { number: "+441632960003" } });
  });

  it("cannot forward externally without a trunk", () => {
    const result = routeCall(testPlan({ outbound: null }), fromTrunk("+441632960003", "+447700900123"), NOW);
    expect(result).toMatchObject({ kind: "barred", steps: [{ type: "hangup", cause: "congestion" }] });
  });

  it("answers unknown, malformed and dangling DIDs with unallocated", () => {
    for (const did of ["+441632960999", "garbage", "+441632960005"]) {
      const result = routeCall(plan, fromTrunk(did, "+447700900123"), NOW);
      expect(result).toMatchObject({ kind: "unallocated", steps: [{ type: "hangup", cause: "unallocated" }] });
    }
  });
});

describe("routeCall: inbound to a fax account", () => {
  it("rings the fax endpoint and hangs up on failure instead of offering voicemail", () => {
    const result = routeCall(plan, fromTrunk("+441632960007", "+447700900123"), NOW);
    expect(result.kind).toBe("inbound");
    expect(result.steps).toEqual([
      {
        type: "dial",
        targets: [{ kind: "fax", endpoint: "PJSIP/fax-1", sipAccountId: "s-fax", label: "fax-1" }],
        strategy: "simultaneous",
        timeoutSec: 60,
        callerId: { number: "+447700900123", name: null },
        onBusy: [{ type: "hangup", cause: "busy" }],
        onNoAnswer: [{ type: "hangup", cause: "no_answer" }],
        onUnreachable: [{ type: "hangup", cause: "congestion" }],
      },
    ]);
    expect(result.trace.join("\n")).toContain("fax account fax-1");
  });

  it("answers a DID whose fax account is gone with unallocated", () => {
    const result = routeCall(plan, fromTrunk("+441632960008", "+447700900123"), NOW);
    expect(result).toMatchObject({ kind: "unallocated", steps: [{ type: "hangup", cause: "unallocated" }] });
    expect(result.trace.join("\n")).toContain("missing fax account");
  });

  it("treats a plan without fax accounts as having none", () => {
    const result = routeCall(testPlan({ faxAccounts: undefined }), fromTrunk("+441632960007", "+447700900123"), NOW);
    expect(result.kind).toBe("unallocated");
  });
});

describe("routeCall: every DID target kind ends the call cleanly", () => {
  it.each([
    ["extension", "+441632960001", "dial"],
    ["voicemail", "+441632960002", "voicemail"],
    ["external", "+441632960004", "dialOutbound"],
    ["fax", "+441632960007", "dial"],
  ])("%s", (kind, did, firstStep) => {
    expect(plan.didsByNumber.get(did)?.kind).toBe(kind);
    const result = routeCall(plan, fromTrunk(did, "+447700900123"), NOW);
    expect(result.kind).toBe("inbound");
    expect(result.steps[0]?.type).toBe(firstStep);
    expect(endsTerminally(result.steps)).toBe(true);
  });
});

describe("routeCall: inbound block list", () => {
  it.each([
    ["+447700900666", "is on the block list"],
    ["07700 900666", "is on the block list"],
    ["09001234567", "blocked prefix +44900"],
    ["0019005551234", "blocked prefix +1900"],
  ])("rejects %s", (caller, why) => {
    const result = routeCall(plan, fromTrunk("+441632960001", caller), NOW);
    expect(result).toMatchObject({ kind: "blocked", steps: [{ type: "hangup", cause: "rejected" }] });
    expect(result.trace.join("\n")).toContain(why);
  });

  it("lets neighbours of blocked numbers through", () => {
    expect(routeCall(plan, fromTrunk("+441632960001", "+447700900667"), NOW).kind).toBe("inbound");
    expect(routeCall(plan, fromTrunk("+441632960001", "+4490"), NOW).kind).toBe("inbound"); // shorter than the prefix
    expect(routeCall(plan, fromTrunk("+441632960001", "+18005551234"), NOW).kind).toBe("inbound");
  });

  it("rejects withheld callers only when anonymous calls are blocked", () => {
    expect(routeCall(plan, fromTrunk("+441632960001", null), NOW).kind).toBe("inbound");
    const strict = testPlan({ isAnonymousBlocked: true });
    for (const caller of [null, "anonymous", ""]) {
      expect(routeCall(strict, fromTrunk("+441632960001", caller), NOW).kind).toBe("blocked");
    }
  });
});

describe("a suspended company", () => {
  const suspended = testPlan({ isSuspended: true });
  const first = [...suspended.extensionsById.values()][0]!;
  it("takes no inbound calls and places none, but emergency calls go through", () => {
    const inbound = routeCall(suspended, fromTrunk("+441632960001", "07700 900123", "Mr Smith"), NOW);
    expect(inbound).toMatchObject({ kind: "blocked", steps: [{ type: "hangup", cause: "rejected" }] });
    expect(inbound.trace.join(" ")).toMatch(/suspended/);
    expect(routeCall(suspended, fromExtension(first.id, "202"), NOW).kind).toBe("blocked");
    expect(routeCall(suspended, fromExtension(first.id, "999"), NOW).kind).toBe("emergency");
    expect(routeCall(testPlan(), fromExtension(first.id, "999"), NOW).kind).toBe("emergency"); // control
  });
});
