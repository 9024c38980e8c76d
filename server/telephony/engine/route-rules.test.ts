import { describe, expect, it } from "vitest";
import { flowId } from "./flow-ids";
import { routeCall } from "./route-call";
import { ALICE_DID, period, rule, UK_CALLER, US_CALLER, withRouting } from "./routing-fixture";
import { fromExtension, fromTrunk } from "./test-dial-plan";
import type { CallRuleConfig, DidConfig, RuleAction } from "./types";

const MONDAY_10 = new Date("2027-01-04T10:00:00Z"); // London, GMT
const MONDAY_20 = new Date("2027-01-04T20:00:00Z");
const OFFICE = period({ weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }] });
const US_OFFICE_HOURS = rule("r-us", { name: "US office hours", period: OFFICE, callerFilter: { patterns: [], countries: ["US"] }, action: { kind: "forward", destination: { kind: "extension", extensionId: "e-bob" } } });

function didWithRules(rules: CallRuleConfig[], did: Partial<DidConfig> = {}) {
  return withRouting({}, {
    dids: [{ number: ALICE_DID, target: { kind: "extension", extensionId: "e-alice" }, rules, ...did }, { number: "+441632960006", target: { kind: "huntGroup", huntGroupId: "missing" } }],
  });
}

describe("DID rules", () => {
  const plan = didWithRules([US_OFFICE_HOURS]);

  it("forwards a US caller at once during office hours (via RULE)", () => {
    const result = routeCall(plan, fromTrunk(ALICE_DID, US_CALLER), MONDAY_10);
    expect(result.steps[0]).toMatchObject({ type: "dial", targets: [{ endpoint: "PJSIP/bob", via: "RULE" }] });
    expect(result.ruleChecks).toEqual([{ ownerNodeId: flowId.did(ALICE_DID), ruleId: "r-us", name: "US office hours", outcome: "matched", reason: "Monday 10:00 is within Mon–Fri 09:00–17:00; caller +1 2125550100 is from United States" }]);
    expect(result.path).toEqual([flowId.did(ALICE_DID), flowId.rule("r-us"), flowId.extension("e-bob"), flowId.ring("e-bob")]);
  });

  it("rings normally for the same call at night", () => {
    const result = routeCall(plan, fromTrunk(ALICE_DID, US_CALLER), MONDAY_20);
    expect(result.steps[0]).toMatchObject({ targets: [{ endpoint: "PJSIP/alice" }] });
    expect(result.steps[0]).not.toMatchObject({ targets: [{ via: "RULE" }] });
    expect(result.ruleChecks[0]).toMatchObject({ outcome: "notMatched", reason: "Monday 20:00 is outside Mon–Fri 09:00–17:00" });
    expect(result.path).toEqual([flowId.did(ALICE_DID), flowId.rule("r-us"), flowId.noRuleMatched(flowId.did(ALICE_DID)), flowId.extension("e-alice"), flowId.ring("e-alice")]);
  });

  it("says where a caller from elsewhere is from", () => {
    const result = routeCall(plan, fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10);
    expect(result.ruleChecks[0]?.reason).toBe("caller +44 2079460000 is from United Kingdom, not United States");
  });

  it("never matches a withheld caller against a caller filter", () => {
    const result = routeCall(plan, fromTrunk(ALICE_DID, null), MONDAY_10);
    expect(result.ruleChecks[0]).toMatchObject({ outcome: "notMatched", reason: "caller withheld their number" });
  });

  it("takes the first enabled match; disabled rules are reported, later ones not reached", () => {
    const plan = didWithRules([
      rule("r-off", { isEnabled: false, action: { kind: "reject", cause: "rejected" } }),
      rule("r-uk", { callerFilter: { patterns: [{ number: "020", match: "prefix" }], countries: [] }, action: { kind: "voicemail" } }),
      rule("r-all", { action: { kind: "reject", cause: "busy" } }),
    ]);
    const result = routeCall(plan, fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10);
    expect(result.ruleChecks.map((c) => [c.ruleId, c.outcome])).toEqual([["r-off", "disabled"], ["r-uk", "matched"], ["r-all", "notReached"]]);
    expect(result.steps).toEqual([{ type: "voicemail", mailbox: "201@t1", greeting: "unavailable" }]);
    expect(result.ruleChecks[0]?.reason).toBe("disabled");
  });

  it.each<[string, RuleAction, unknown[]]>([
    ["reject busy", { kind: "reject", cause: "busy" }, [{ type: "hangup", cause: "busy" }]],
    ["reject", { kind: "reject", cause: "rejected" }, [{ type: "hangup", cause: "rejected" }]],
    ["message", { kind: "message", message: "notInService" }, [{ type: "play", media: ["sound:ss-noservice"] }, { type: "hangup", cause: "normal" }]],
    ["voicemail", { kind: "voicemail" }, [{ type: "voicemail", mailbox: "201@t1", greeting: "unavailable" }]],
    ["forward external", { kind: "forward", destination: { kind: "external", number: "07700 900123" } },
      [{ type: "dialOutbound", trunk: "carrier-a", number: "+447700900123", callerId: { number: ALICE_DID, name: null }, isEmergency: false, via: "RULE" }]],
    ["forward to voicemail", { kind: "forward", destination: { kind: "voicemail", mailbox: "sales@t1" } }, [{ type: "voicemail", mailbox: "sales@t1", greeting: "unavailable" }]],
  ])("action %s", (_, action, steps) => {
    const result = routeCall(didWithRules([rule("r", { action })]), fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10);
    expect(result.steps).toEqual(steps);
  });

  it("uses the company's box for a number that does not point at an extension", () => {
    const plan = withRouting({}, { generalMailbox: "main@t1", dids: [{ number: ALICE_DID, target: { kind: "external", number: "+15551234567" }, rules: [rule("r", { action: { kind: "voicemail" } })] }] });
    expect(routeCall(plan, fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10).steps).toEqual([{ type: "voicemail", mailbox: "main@t1", greeting: "unavailable" }]);
  });

  it("matches the dialled filter against the DID", () => {
    const plan = didWithRules([rule("r", { dialledFilter: [{ number: "01632 960001", match: "exact" }], action: { kind: "reject", cause: "busy" } })]);
    expect(routeCall(plan, fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10).steps).toEqual([{ type: "hangup", cause: "busy" }]);
    const other = didWithRules([rule("r", { dialledFilter: [{ number: "+4420", match: "prefix" }], action: { kind: "reject", cause: "busy" } })]);
    expect(routeCall(other, fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10).ruleChecks[0]?.reason).toBe("number dialled +441632960001 does not match +4420…");
  });

  it("skips a forward to a missing destination with a warning and a trace line", () => {
    const plan = didWithRules([rule("r", { action: { kind: "forward", destination: { kind: "huntGroup", huntGroupId: "gone" } } })]);
    expect(plan.warnings.join("\n")).toContain("missing hunt group");
    const result = routeCall(plan, fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10);
    expect(result.steps[0]).toMatchObject({ targets: [{ endpoint: "PJSIP/alice" }] });
    expect(result.trace.join("\n")).toContain("points at a missing hunt group; ringing normally");
  });

  it("answers a number whose hunt group is gone with unallocated, and warns", () => {
    const plan = didWithRules([]);
    expect(plan.warnings.join("\n")).toContain("DID +441632960006 points at a missing hunt group");
    const result = routeCall(plan, fromTrunk("+441632960006", UK_CALLER), MONDAY_10);
    expect(result).toMatchObject({ kind: "unallocated", steps: [{ type: "hangup", cause: "unallocated" }] });
    expect(result.path).toEqual([flowId.did("+441632960006"), flowId.hangup(flowId.did("+441632960006"), "unallocated")]);
  });

  it("validates countries at compile time", () => {
    const plan = didWithRules([rule("r", { callerFilter: { patterns: [], countries: ["XX", "US"] } })]);
    expect(plan.warnings.join("\n")).toContain('"XX" is not a country code');
  });
});

describe("extension rules", () => {
  const rejectInternal = rule("r-ext", { dialledFilter: [{ number: "202", match: "exact" }], action: { kind: "reject", cause: "rejected" } });

  it("match the extension's number on an internal call, the DID on an inbound one", () => {
    const plan = withRouting({ "e-bob": { rules: [rejectInternal] } });
    expect(routeCall(plan, fromExtension("e-alice", "202"), MONDAY_10).steps).toEqual([{ type: "hangup", cause: "rejected" }]);
    const inbound = routeCall(plan, fromTrunk("+441632960006", UK_CALLER), MONDAY_10);
    expect(inbound.steps[0]).toMatchObject({ type: "dial", targets: [{ endpoint: "PJSIP/bob" }] });
    expect(inbound.ruleChecks[0]).toMatchObject({ ownerNodeId: flowId.extension("e-bob"), reason: "number dialled +441632960006 does not match 202" });
  });

  it("an internal caller matches number patterns by extension number, never a country", () => {
    const plan = withRouting({ "e-bob": { rules: [
      rule("r-us", { callerFilter: { patterns: [], countries: ["GB"] }, action: { kind: "reject", cause: "busy" } }),
      rule("r-alice", { callerFilter: { patterns: [{ number: "201", match: "exact" }], countries: [] }, action: { kind: "voicemail" } }),
    ] } });
    const result = routeCall(plan, fromExtension("e-alice", "202"), MONDAY_10);
    expect(result.ruleChecks.map((c) => c.outcome)).toEqual(["notMatched", "matched"]);
    expect(result.ruleChecks[0]?.reason).toBe("caller 201 is an internal caller, not United Kingdom");
    // Bob has no voicemail: the company's box takes it.
    expect(result.steps).toEqual([{ type: "voicemail", mailbox: "general@t1", greeting: "unavailable" }]);
  });

  it("DID rules come first, then the extension's", () => {
    const plan = withRouting({ "e-alice": { rules: [rule("r-ext", { action: { kind: "reject", cause: "busy" } })] } }, {
      dids: [{ number: ALICE_DID, target: { kind: "extension", extensionId: "e-alice" }, rules: [rule("r-did", { period: period({ weekdays: [6] }) })] }],
    });
    const result = routeCall(plan, fromTrunk(ALICE_DID, UK_CALLER), MONDAY_10);
    expect(result.path).toEqual([flowId.did(ALICE_DID), flowId.rule("r-did"), flowId.noRuleMatched(flowId.did(ALICE_DID)), flowId.extension("e-alice"), flowId.rule("r-ext"), flowId.hangup(flowId.extension("e-alice"), "busy")]);
    expect(result.ruleChecks.map((c) => c.ruleId)).toEqual(["r-did", "r-ext"]);
  });
});
