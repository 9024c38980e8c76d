/**
 * What the keys a caller pressed in an IVR menu mean (issue 12). The worker collects keys and
 * asks after each one; the engine answers from the compiled plan, so the choice goes through
 * the same router as every other destination (an extension's rules, DND and follow-me apply;
 * a round-robin hunt group's cursor comes back to be claimed).
 *
 * - A key with an option: route there, after the menu's post-selection prompt. With direct dial
 *   on, a key that also starts a longer extension number waits for more keys (unless final).
 * - Direct dial: keys that are a proper prefix of an extension number wait for more (unless
 *   final); keys equal to an extension's number route to it (no post-selection prompt). A
 *   prefix is preferred over an exact match so that both 20 and 201 can be dialled: 20 then
 *   routes when the worker says the entry is final (the digit timeout, or `maxDigits` keys).
 * - Anything else is invalid, with the reason for the worker's log; so is a key whose option
 *   points at something deleted (the caller hears the invalid prompt and may choose again).
 *
 * The plan's path starts at the menu's node. The menu being left is not on the loop guard: a
 * sub-menu's "back to the main menu" is a fresh choice, not a loop.
 */
import type { CallPlan, CallStep } from "./call-plan";
import { destinationProblem } from "./destination-problem";
import { describeLocalTime } from "./local-time";
import type { CompiledIvrMenu } from "./media-types";
import { toNetworkE164 } from "./normalize-number";
import { newContext, visit, type RouteContext } from "./route-context";
import { routeDestination, routeToExtension } from "./route-destination";
import { flowId } from "./flow-ids";
import type { IncomingCall, RoutingState, TenantDialPlan } from "./types";

export type MenuChoice = { kind: "route"; plan: CallPlan } | { kind: "incomplete" } | { kind: "invalid"; reason: string };

const KEYS = /^[0-9*#]{1,20}$/;

export function routeMenuChoice(
  plan: TenantDialPlan,
  call: IncomingCall,
  menuId: string,
  digits: string,
  isFinal: boolean,
  now: Date,
  state: RoutingState,
): MenuChoice {
  const menu = plan.ivrMenusById.get(menuId);
  if (menu === undefined) return { kind: "invalid", reason: `IVR menu ${menuId} is not in this company's dial plan` };
  if (!KEYS.test(digits)) return { kind: "invalid", reason: digits === "" ? "no key was pressed" : `"${digits}" is not a sequence of phone keys` };
  const direct = menu.extensionPrefixes;
  const mayBeNumber = !isFinal && direct.has(digits);
  const option = digits.length === 1 ? menu.optionsByDigit.get(digits) : undefined;
  if (option !== undefined) {
    if (mayBeNumber) return { kind: "incomplete" };
    // A broken option is an invalid key: the caller hears the invalid prompt and may choose again.
    const problem = destinationProblem(plan, option);
    if (problem !== null) return { kind: "invalid", reason: `key ${digits} of IVR menu ${menu.name} ${problem}` };
    return route(plan, call, menu, digits, now, state, (ctx) => {
      ctx.trace.push(`Key ${digits}: ${menu.name}'s option.`);
      const steps: CallStep[] = menu.prompts.postSelection.length > 0 ? [{ type: "play", media: menu.prompts.postSelection }] : [];
      steps.push(...routeDestination(ctx, option, "IVR"));
      return steps;
    });
  }
  if (direct.size === 0) return { kind: "invalid", reason: `key ${digits} is not an option of IVR menu ${menu.name}` };
  if (mayBeNumber) return { kind: "incomplete" };
  const extension = plan.extensionsByNumber.get(digits);
  if (extension === undefined) return { kind: "invalid", reason: `"${digits}" is neither an option of IVR menu ${menu.name} nor an extension's number` };
  return route(plan, call, menu, digits, now, state, (ctx) => {
    visit(ctx, flowId.ivrDirectDial(menu.id));
    ctx.trace.push(`"${digits}" dialled directly: ${extension.facts.label}.`);
    return routeToExtension(ctx, extension, "IVR");
  });
}

/** A plan like routeCall's: the caller as the call presents them, the trace, path and claims. */
function route(
  plan: TenantDialPlan,
  call: IncomingCall,
  menu: CompiledIvrMenu,
  digits: string,
  now: Date,
  state: RoutingState,
  choose: (ctx: RouteContext) => CallStep[],
): MenuChoice {
  const trace = [`Choice at ${describeLocalTime(now, plan.timeZone)} for tenant ${plan.tenantId}: keys "${digits}" in IVR menu ${menu.name}.`];
  const ctx = newContext(plan, now, state, trace);
  presentCaller(ctx, call);
  visit(ctx, menu.nodeId);
  const steps = choose(ctx);
  const kind = call.source.kind === "extension" ? "internal" : "inbound";
  return { kind: "route", plan: { tenantId: plan.tenantId, kind, steps, trace, path: ctx.path, ruleChecks: ctx.ruleChecks, roundRobin: ctx.roundRobin } };
}

/** The same identity routeInbound / routeFromExtension give the call, and the DID it came in on. */
export function presentCaller(ctx: RouteContext, call: IncomingCall): void {
  const { plan } = ctx;
  if (call.source.kind === "extension") {
    const caller = plan.extensionsById.get(call.source.extensionId);
    // Internal calls show the configured identity, never the phone's own caller-ID setting.
    if (caller !== undefined) {
      ctx.callerId = { number: caller.number, name: caller.displayName };
      ctx.caller = { e164: null, short: caller.number };
    }
  } else {
    const caller = toNetworkE164(call.callerId.number, plan.numbering);
    ctx.callerId = { number: caller, name: call.callerId.name };
    ctx.caller = { e164: caller, short: null };
  }
  const did = toNetworkE164(call.dialled, plan.numbering);
  const compiled = did === null ? undefined : plan.didRoutes.get(did);
  if (did !== null && compiled !== undefined) {
    ctx.didE164 = did;
    ctx.didDialled = compiled.dialled;
  }
}
