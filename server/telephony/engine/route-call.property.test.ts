import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsTerminally, HANGUP_CAUSES, type CallPlan, type CallStep } from "./call-plan";
import { compileDialPlan } from "./compile-dial-plan";
import { parseNumber } from "./normalize-number";
import { routeCall } from "./route-call";
import { routingCall, routingInstant, routingPlan, routingState } from "./routing-arbitraries";
import { NOW, testInput, testPlan } from "./test-dial-plan";
import type { IncomingCall, TenantDialPlanInput } from "./types";

const plan = testPlan();
const UK = plan.numbering;

/** Mostly phone-shaped strings, plus arbitrary unicode to catch assumptions. */
const numberish = fc.oneof(
  fc.stringMatching(/^\+?[0-9 ()\-.]{0,20}$/),
  fc.stringMatching(/^[0-9*#]{0,6}$/),
  fc.constantFrom("201", "202", "203", "0123", "999", "112", "+441632960001", "01632960003", "anonymous", ""),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

const incomingCall: fc.Arbitrary<IncomingCall> = fc.record({
  source: fc.oneof(
    fc.constant({ kind: "trunk" as const }),
    fc.record({ kind: fc.constant("extension" as const), extensionId: fc.oneof(fc.constantFrom("e-alice", "e-bob", "e-carol", "e-dora"), fc.string()) }),
  ),
  dialled: numberish,
  callerId: fc.record({ number: fc.option(numberish), name: fc.option(fc.string()) }),
});

const instant = fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: false });

function allSteps(steps: readonly CallStep[]): CallStep[] {
  return steps.flatMap((s) => (s.type === "dial" ? [s, ...allSteps(s.onBusy), ...allSteps(s.onNoAnswer), ...allSteps(s.onUnreachable)] : [s]));
}

function expectWellFormed(result: CallPlan): void {
  expect(endsTerminally(result.steps)).toBe(true);
  expect(result.trace.length).toBeGreaterThan(1);
  for (const step of allSteps(result.steps)) {
    if (step.type === "hangup") expect(HANGUP_CAUSES).toContain(step.cause);
    if (step.type === "dial") expect(step.timeoutSec).toBeGreaterThanOrEqual(1);
    if (step.type === "dialOutbound" && !step.isEmergency) expect(step.number).toMatch(/^\+[1-9]\d{6,14}$/);
  }
}

describe("routeCall properties", () => {
  it("never throws and always returns a plan that ends terminally", () => {
    fc.assert(fc.property(incomingCall, instant, (call, now) => expectWellFormed(routeCall(plan, call, now))), { numRuns: 2000 });
  });

  it("is deterministic: same snapshot, call and instant give the same plan", () => {
    fc.assert(fc.property(incomingCall, instant, (call, now) => {
      expect(routeCall(plan, call, now)).toEqual(routeCall(plan, call, now));
    }));
  });

  it("survives arbitrary (even nonsensical) tenant configuration", () => {
    const rawConfig = fc.record({
      extensionNumbers: fc.array(numberish, { maxLength: 8 }),
      dids: fc.array(numberish, { maxLength: 8 }),
      blocked: fc.array(fc.record({ number: numberish, match: fc.constantFrom("exact" as const, "prefix" as const) }), { maxLength: 8 }),
      timeZone: fc.oneof(fc.constantFrom("Europe/London", "America/New_York"), fc.string()),
      ringTimeout: fc.double(),
    });
    fc.assert(fc.property(rawConfig, incomingCall, instant, (config, call, now) => {
      const base = testInput();
      const input: TenantDialPlanInput = {
        ...base,
        timeZone: config.timeZone,
        defaultRingTimeoutSec: config.ringTimeout,
        extensions: config.extensionNumbers.map((number, i) => ({ ...base.extensions[i % 4]!, id: `x${i}`, number })),
        dids: config.dids.map((number, i) => ({ number, target: { kind: "extension", extensionId: `x${i}` } })),
        blocked: config.blocked,
      };
      expectWellFormed(routeCall(compileDialPlan(input), call, now));
    }), { numRuns: 500 });
  });

  it("with rules, DND, forwarding, follow-me and hunt groups, still never throws and always ends terminally", () => {
    fc.assert(fc.property(routingPlan, routingCall, routingInstant, routingState, (generated, call, now, state) => {
      const result = routeCall(generated, call, now, state);
      expectWellFormed(result);
      expect(routeCall(generated, call, now, state)).toEqual(result);
      // Per owner: at most one match, and "notReached" only after it.
      const owners = new Map<string, string[]>();
      for (const check of result.ruleChecks) owners.set(check.ownerNodeId, [...(owners.get(check.ownerNodeId) ?? []), check.outcome]);
      for (const outcomes of owners.values()) {
        const matched = outcomes.indexOf("matched");
        expect(outcomes.filter((o) => o === "matched").length).toBeLessThanOrEqual(1);
        outcomes.forEach((outcome, i) => expect(outcome === "notReached").toBe(matched !== -1 && i > matched));
      }
    }), { numRuns: 1000 });
  }, 60_000);

  it("blocks every caller under a blocked prefix, whatever follows", () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{4,8}$/), (rest) => {
      const result = routeCall(plan, { source: { kind: "trunk" }, dialled: "+441632960001", callerId: { number: `+1900${rest}`, name: null } }, NOW);
      expect(result.kind).toBe("blocked");
    }));
  });
});

describe("parseNumber properties", () => {
  it("is idempotent on its own E.164 output", () => {
    fc.assert(fc.property(numberish, fc.constantFrom("dialled" as const, "network" as const), (raw, context) => {
      const parsed = parseNumber(raw, UK, context);
      if (parsed.kind === "e164") expect(parseNumber(parsed.e164, UK, context)).toEqual(parsed);
    }));
  });

  it("ignores visual separators", () => {
    const withSeparators = fc.tuple(fc.stringMatching(/^\+?[0-9]{1,15}$/), fc.array(fc.constantFrom(" ", "-", ".", "(", ")"), { maxLength: 4 }));
    fc.assert(fc.property(withSeparators, ([digits, separators]) => {
      const spaced = separators.reduce((acc, sep, i) => acc.slice(0, i + 2) + sep + acc.slice(i + 2), digits);
      expect(parseNumber(spaced, UK, "dialled")).toEqual(parseNumber(digits, UK, "dialled"));
    }));
  });
});
