/**
 * Test support for the routing tests: the shared UK tenant (test-dial-plan.ts) plus helpers to
 * give its extensions forwarding, follow-me and rules, hunt groups and DID rules.
 */
import type { CallStep, DialStep } from "./call-plan";
import { compileDialPlan } from "./compile-dial-plan";
import { testInput } from "./test-dial-plan";
import type { CallRuleConfig, ExtensionConfig, HuntGroupConfig, RoutingState, TenantDialPlan, TenantDialPlanInput, TimePeriod } from "./types";

export const US_CALLER = "+12125550100";
export const UK_CALLER = "+442079460000";
export const ALICE_DID = "+441632960001";

export function withRouting(
  patches: Record<string, Partial<ExtensionConfig>> = {},
  extra: Partial<TenantDialPlanInput> = {},
): TenantDialPlan {
  const base = testInput(extra);
  const extensions = [
    ...base.extensions,
    { id: "e-erin", number: "204", displayName: "Erin", endpoint: "PJSIP/erin", voicemail: { isEnabled: true, mailbox: "204@t1" }, outboundCli: null },
    { id: "e-finn", number: "205", displayName: "Finn", endpoint: "PJSIP/finn", voicemail: { isEnabled: false, mailbox: "205@t1" }, outboundCli: null },
  ].map((e) => ({ ...e, ...patches[e.id] }));
  return compileDialPlan({ ...base, extensions });
}

export const period = (p: Partial<TimePeriod>): TimePeriod => ({ weekdays: [], timeRanges: [], dateRanges: [], holidays: "any", ...p });

export function rule(id: string, r: Partial<CallRuleConfig>): CallRuleConfig {
  return { id, name: id, isEnabled: true, period: null, callerFilter: null, dialledFilter: null, action: { kind: "ringNormally" }, ...r };
}

export function group(id: string, g: Partial<HuntGroupConfig>): HuntGroupConfig {
  return {
    id, number: "600", name: id, strategy: "ringAll", leastUsedBy: "answeredToday", ringSec: 60, allowCallWaiting: false, overflow: null,
    members: ["e-alice", "e-bob", "e-erin", "e-finn"].map((extensionId) => ({ extensionId, ringSec: 15 })),
    ...g,
  };
}

export function state(s: Partial<RoutingState>): RoutingState {
  return { busyExtensionIds: new Set(), roundRobinCursors: new Map(), usage: new Map(), random: () => 0, ...s };
}

export function firstDial(steps: readonly CallStep[]): DialStep {
  const dial = steps[0];
  if (dial?.type !== "dial") throw new Error(`expected a dial, got ${JSON.stringify(dial)}`);
  return dial;
}

/** The endpoints (or numbers) a dial rings, in order. */
export const rung = (steps: readonly CallStep[]) => firstDial(steps).targets.map((t) => (t.kind === "external" ? t.number : t.endpoint));
