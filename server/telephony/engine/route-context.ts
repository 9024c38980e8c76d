/**
 * What one routing decision carries while it walks the tenant's configuration: the inputs
 * (`now`, `state`), what the call looks like to rules, and what the plan records. Created by
 * routeCall; every routing function appends to it.
 */
import type { CallerId, CallPlan, ForwardVia, RuleCheck } from "./call-plan";
import { localParts, type LocalParts } from "./local-parts";
import type { RoutingState, TenantDialPlan } from "./types";

/** A number as rules see it: E.164 when it has one, else the short number (an extension's). */
export interface RuleNumber {
  e164: string | null;
  short: string | null;
}

/**
 * Forwards into forwards into hunt groups: a handful of levels covers every real setup; the
 * bound keeps the plan (and the call-flow view) small whatever the configuration.
 */
export const MAX_ROUTING_DEPTH = 6;

export interface RouteContext {
  plan: TenantDialPlan;
  now: Date;
  state: RoutingState;
  trace: string[];
  path: string[];
  ruleChecks: RuleCheck[];
  roundRobin: CallPlan["roundRobin"];
  /** What the rung parties see. */
  callerId: CallerId;
  /** The caller as call rules match it; both null when withheld. */
  caller: RuleNumber;
  /** The DID the call came in on (also for an extension dialling the tenant's own DID). */
  didE164: string | null;
  /** The same DID as an extension rule's dialled filter sees it (the compiled DID's, no allocation per call). */
  didDialled: RuleNumber | null;
  /**
   * Only the line of decisions taken now is recorded in `path` and `ruleChecks`; branches for
   * "if busy" / "if no answer" are planned with this off, as they may never happen.
   */
  isRecording: boolean;
  /**
   * Extensions and hunt groups (the compiled objects, compared by identity: no string is built
   * or compared per step) on the way to the current destination: the loop guard.
   */
  visiting: object[];
  local: LocalParts | null | undefined;
  /** The caller as rule reasons show it, and their country: worked out on first use, once per call. */
  callerShown: string | undefined;
  callerCountry: string | null | undefined;
}

export function newContext(plan: TenantDialPlan, now: Date, state: RoutingState, trace: string[]): RouteContext {
  return {
    plan, now, state, trace, path: [], ruleChecks: [], roundRobin: [],
    callerId: { number: null, name: null }, caller: { e164: null, short: null }, didE164: null, didDialled: null,
    isRecording: true, visiting: [], local: undefined, callerShown: undefined, callerCountry: undefined,
  };
}

/** Records a call-flow node on the decision's path (when on the line taken now). */
export function visit(ctx: RouteContext, nodeId: string): void {
  if (ctx.isRecording) ctx.path.push(nodeId);
}

/** Plans a branch that only runs if the call fails a certain way: nothing of it goes on the path. */
export function inBranch<T>(ctx: RouteContext, plan: () => T): T {
  const wasRecording = ctx.isRecording;
  ctx.isRecording = false;
  try {
    return plan();
  } finally {
    ctx.isRecording = wasRecording;
  }
}

/** Local time parts of the call, computed on first use. */
export function localTimeOf(ctx: RouteContext): LocalParts | null {
  if (ctx.local === undefined) ctx.local = localParts(ctx.now, ctx.plan.timeZone);
  return ctx.local;
}

/** The innermost reason wins: a member rung by a hunt group that a forward reached is a hunt-group call. */
export type Via = ForwardVia | undefined;
