/**
 * Follow-me: optionally the extension's own phone first, then the list's active entries (in
 * order, each for its ring time, or all at once), then forward-no-answer, voicemail or hangup.
 * An entry that is an extension rings that phone only (its own forwarding does not apply); a
 * voicemail or hunt-group entry ends the list, as nothing after it could ring. Busy and no
 * answer both move down the list (the worker walks a sequential dial's targets).
 */
import type { CallStep, DialTarget, ForwardVia } from "./call-plan";
import { phoneTarget, safeRingSec } from "./dial-extension";
import { destinationProblem, externalE164 } from "./destination-problem";
import { isOutOfCredit } from "./out-of-credit";
import { matchPeriod } from "./period";
import { inBranch, localTimeOf, visit, type RouteContext } from "./route-context";
import { routeDestination } from "./route-destination";
import { whenUnanswered } from "./route-extension";
import type { CompiledFollowMe, Destination, Extension, TenantDialPlan } from "./types";

type Step = CompiledFollowMe["steps"][number];

/** Why a step cannot ring now, or null; shared with the call-flow view for its static part. */
export function followMeStepProblem(plan: TenantDialPlan, destination: Destination): string | null {
  const problem = destinationProblem(plan, destination);
  if (problem !== null) return problem;
  if (destination.kind !== "extension") return null;
  const extension = plan.extensionsById.get(destination.extensionId)!;
  if (extension.endpoint === null) return `rings extension ${extension.number}, which has no phone`;
  return extension.doNotDisturb === true ? `rings extension ${extension.number}, which is on do-not-disturb` : null;
}

/** Entries that end the list: they do not ring a phone, so nothing after them is reached. */
export const endsFollowMe = (destination: Destination) => destination.kind === "voicemail" || destination.kind === "huntGroup";

function stepTarget(ctx: RouteContext, step: Step): DialTarget | null {
  const ringSec = safeRingSec(step.ringSec);
  const { destination } = step;
  switch (destination.kind) {
    case "extension":
      return phoneTarget(ctx.plan.extensionsById.get(destination.extensionId)!, "FOLLOW_ME", ringSec);
    case "fax": {
      const fax = ctx.plan.faxAccountsById.get(destination.sipAccountId)!;
      return { kind: "fax", endpoint: fax.endpoint, sipAccountId: fax.id, label: fax.label, ringSec, via: "FOLLOW_ME" };
    }
    case "external": {
      const number = externalE164(ctx.plan, destination.number)!;
      return { kind: "external", trunk: ctx.plan.outbound!.trunk, number, confirm: step.confirm === true, ringSec, via: "FOLLOW_ME" };
    }
    default:
      return null;
  }
}

export function routeFollowMe(ctx: RouteContext, extension: Extension, followMe: CompiledFollowMe, via: ForwardVia | undefined): CallStep[] {
  const ringsSelfFirst = followMe.ringSelfFirstSec !== null && extension.endpoint !== null;
  const selfRingSec = safeRingSec(followMe.ringSelfFirstSec);
  if (ringsSelfFirst) {
    visit(ctx, extension.facts.ringNodeId);
    ctx.trace.push(`Follow-me: ring ${extension.facts.label} first for ${selfRingSec}s, then the list.`);
  }
  // Until something rings, each entry passed is on the decision's path.
  let isSearching = !ringsSelfFirst;
  const list = inBranchUnless(ctx, isSearching, () => {
    const targets: DialTarget[] = [];
    let ending: Step | null = null;
    for (let index = 0; index < followMe.steps.length; index++) {
      const step = followMe.steps[index]!;
      if (isSearching) visit(ctx, step.nodeId);
      const { name } = step;
      const period = step.period === null ? null : matchPeriod(step.period, localTimeOf(ctx), ctx.plan.holidays);
      if (period !== null && !period.isMatch) {
        ctx.trace.push(`${name} is not active now (${period.reason}); skipped.`);
        continue;
      }
      const problem = followMeStepProblem(ctx.plan, step.destination);
      if (problem !== null) {
        ctx.trace.push(`${name} ${problem}; skipped.`);
        continue;
      }
      if (step.destination.kind === "external" && isOutOfCredit(ctx)) {
        // Out of credit: the outside entries are left out; the company's own phones still ring.
        ctx.trace.push(`${name} rings an outside number and the company is out of credit; skipped.`);
        continue;
      }
      if (endsFollowMe(step.destination)) {
        ending = step;
        break;
      }
      const target = stepTarget(ctx, step);
      if (target === null) continue;
      targets.push(target);
      ctx.trace.push(`${name}: ring ${target.kind === "external" ? target.number : target.label} for ${target.ringSec}s${target.kind === "external" && target.confirm ? " (press 1 to accept)" : ""}.`);
      isSearching = false;
    }
    const after = inBranchUnless(ctx, isSearching, () =>
      ending !== null ? routeDestination(ctx, ending.destination, "FOLLOW_ME") : whenUnanswered(ctx, extension, "no_answer"));
    if (targets.length === 0) return after;
    const strategy = followMe.strategy === "simultaneous" ? "simultaneous" : "sequential";
    const timeoutSec = Math.max(...targets.map((t) => t.ringSec ?? 1));
    return [{ type: "dial", targets, strategy, timeoutSec, callerId: ctx.callerId, onBusy: after, onNoAnswer: after, onUnreachable: after }] satisfies CallStep[];
  });
  if (!ringsSelfFirst) return list;
  return [{
    type: "dial", targets: [phoneTarget(extension, via)], strategy: "simultaneous", timeoutSec: selfRingSec, callerId: ctx.callerId,
    onBusy: list, onNoAnswer: list, onUnreachable: list,
  }];
}

function inBranchUnless<T>(ctx: RouteContext, isOnPath: boolean, plan: () => T): T {
  return isOnPath ? plan() : inBranch(ctx, plan);
}
