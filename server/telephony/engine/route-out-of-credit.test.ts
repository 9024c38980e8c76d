/**
 * Out of credit (issue 13): chargeable calls are refused with an announcement; the company's
 * own calls and emergency calls go on. Every case is routed twice, with credit and without, so
 * each proves both what changes and what must not.
 */
import { describe, expect, it } from "vitest";
import type { CallStep } from "./call-plan";
import { OUT_OF_CREDIT_MEDIA } from "./out-of-credit";
import { routeCall } from "./route-call";
import { ALICE_DID, rule, state, UK_CALLER, withRouting } from "./routing-fixture";
import { fromExtension, fromTrunk } from "./test-dial-plan";
import type { IncomingCall, TenantDialPlan } from "./types";

const NOW = new Date("2027-01-04T10:00:00Z");
const REFUSED = [{ type: "play", media: [...OUT_OF_CREDIT_MEDIA] }, { type: "hangup", cause: "normal" }];
const OUT = state({ isOutOfCredit: true });
const IN_CREDIT = state({ isOutOfCredit: false });

const forwardAlways = (number: string) => withRouting({ "e-alice": { forwarding: { always: { kind: "external", number }, busy: null, noAnswer: null } } });
const ruleForward = withRouting({ "e-alice": { rules: [rule("r1", { action: { kind: "forward", destination: { kind: "external", number: "+447700900555" } } })] } });
const followMeOut = withRouting({
  "e-alice": {
    followMe: {
      strategy: "sequential", ringSelfFirstSec: null,
      steps: [
        { id: "f1", destination: { kind: "external", number: "07700 900123" }, ringSec: 10, confirm: false, activePeriod: null },
        { id: "f2", destination: { kind: "extension", extensionId: "e-bob" }, ringSec: 10, confirm: false, activePeriod: null },
      ],
    },
  },
});
const followMeOnlyOut = withRouting({
  "e-alice": { followMe: { strategy: "sequential", ringSelfFirstSec: null, steps: [{ id: "f1", destination: { kind: "external", number: "07700 900123" }, ringSec: 10, confirm: false, activePeriod: null }] } },
});
const plain = withRouting();

/** Every outside number anywhere in the plan, however deep (dial targets, outbound legs). */
function outsideNumbers(steps: readonly CallStep[]): string[] {
  return steps.flatMap((step): string[] => {
    switch (step.type) {
      case "dialOutbound": return step.isEmergency ? [] : [step.number];
      case "dial": return [
        ...step.targets.flatMap((t) => (t.kind === "external" ? [t.number] : [])),
        ...outsideNumbers(step.onBusy), ...outsideNumbers(step.onNoAnswer), ...outsideNumbers(step.onUnreachable),
      ];
      default: return [];
    }
  });
}

describe("out of credit: refused", () => {
  it.each<[string, TenantDialPlan, IncomingCall, string]>([
    ["an extension dials a national number", plain, fromExtension("e-alice", "07700 900123"), "+447700900123"],
    ["an extension dials an international number", plain, fromExtension("e-alice", "0033123456789"), "+33123456789"],
    ["an extension's forward always to an outside number", forwardAlways("07700 900123"), fromTrunk(ALICE_DID, UK_CALLER), "+447700900123"],
    ["an internal call forwarded to an outside number", forwardAlways("07700 900123"), fromExtension("e-bob", "201"), "+447700900123"],
    ["a rule's forward to an outside number", ruleForward, fromTrunk(ALICE_DID, UK_CALLER), "+447700900555"],
    ["a number forwarding to an outside number", plain, fromTrunk("+441632960003", UK_CALLER), "+447700900123"],
  ])("%s: announced and hung up, nothing dialled out", (_name, plan, call, number) => {
    expect(outsideNumbers(routeCall(plan, call, NOW, IN_CREDIT).steps)).toContain(number);
    const refused = routeCall(plan, call, NOW, OUT);
    expect(outsideNumbers(refused.steps)).toEqual([]);
    expect(JSON.stringify(refused.steps)).toContain(JSON.stringify(REFUSED));
    expect(refused.trace.join("\n")).toContain("credit limit are used up");
  });

  it("an outbound call is a barred decision: announcement, then a normal hang-up", () => {
    const refused = routeCall(plain, fromExtension("e-alice", "07700 900123"), NOW, OUT);
    expect(refused).toMatchObject({ kind: "barred", steps: REFUSED });
  });

  it("follow-me leaves out its outside entries and still rings the company's own phones", () => {
    const withCredit = routeCall(followMeOut, fromTrunk(ALICE_DID, UK_CALLER), NOW, IN_CREDIT);
    expect(outsideNumbers(withCredit.steps)).toEqual(["+447700900123"]);
    const refused = routeCall(followMeOut, fromTrunk(ALICE_DID, UK_CALLER), NOW, OUT);
    expect(outsideNumbers(refused.steps)).toEqual([]);
    expect(refused.steps[0]).toMatchObject({ type: "dial", targets: [{ endpoint: "PJSIP/bob" }] });
  });

  it("follow-me with only outside entries goes on as unanswered (voicemail), never out", () => {
    const refused = routeCall(followMeOnlyOut, fromTrunk(ALICE_DID, UK_CALLER), NOW, OUT);
    expect(outsideNumbers(refused.steps)).toEqual([]);
    expect(refused.steps).toEqual([{ type: "voicemail", mailbox: "201@t1", greeting: "unavailable" }]);
  });
});

describe("out of credit: still allowed", () => {
  it.each<[string, IncomingCall, string]>([
    ["an internal extension", fromExtension("e-alice", "202"), "internal"],
    ["the company's own number, kept on-net", fromExtension("e-bob", ALICE_DID), "internal"],
    ["999", fromExtension("e-alice", "999"), "emergency"],
    ["112", fromExtension("e-alice", "112"), "emergency"],
    ["911 where it is the emergency number", fromExtension("e-alice", "911"), "emergency"],
    ["an inbound call to an extension", fromTrunk(ALICE_DID, UK_CALLER), "inbound"],
  ])("%s", (_name, call, kind) => {
    const us = withRouting({}, { emergencyNumbers: ["999", "112", "911"] });
    const withCredit = routeCall(us, call, NOW, IN_CREDIT);
    const without = routeCall(us, call, NOW, OUT);
    expect(without.kind).toBe(kind);
    expect(without.steps).toEqual(withCredit.steps);
  });
});
