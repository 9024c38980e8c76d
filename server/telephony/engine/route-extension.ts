/**
 * An extension reached as a destination (dialled internally, a DID's target, forwarded to):
 * its rules, then do-not-disturb, then forward-always, then follow-me, else its own phone with
 * busy / no-answer forwarding or voicemail. The order is what users of any PBX expect.
 */
import type { CallStep, ForwardVia } from "./call-plan";
import { mailboxOrHangup, phoneTarget } from "./dial-extension";
import { destinationProblem } from "./destination-problem";
import { routeFollowMe } from "./follow-me";
import { visit, type RouteContext } from "./route-context";
import { routeDestination } from "./route-destination";
import { ruleActionSteps, weighRules } from "./rules";
import type { Destination, Extension } from "./types";

export function routeExtension(ctx: RouteContext, extension: Extension, via: ForwardVia | undefined): CallStep[] {
  const { facts } = extension;
  ctx.trace.push(via ? `${facts.title} (${via}).` : facts.titleLine);
  const rule = weighRules(ctx, facts, ctx.didDialled ?? facts.dialledAsShort);
  if (rule !== null) {
    const mailbox = extension.voicemail.isEnabled ? extension.voicemail.mailbox : ctx.plan.generalMailbox;
    const steps = ruleActionSteps(ctx, facts, rule, mailbox);
    if (steps !== null) return steps;
  }
  if (extension.doNotDisturb === true) {
    visit(ctx, facts.dndNodeId);
    ctx.trace.push(facts.dndLine);
    visit(ctx, facts.busyEndNodeId);
    return mailboxOrHangup(extension, "busy", "busy");
  }
  const always = usableForward(ctx, extension, extension.forwarding?.always, "always");
  if (always !== null) {
    visit(ctx, facts.forwardAlwaysNodeId);
    return routeDestination(ctx, always, "FORWARD_ALWAYS");
  }
  const { followMe } = facts;
  if (followMe) return routeFollowMe(ctx, extension, followMe, via);
  visit(ctx, facts.ringNodeId);
  return ringNormally(ctx, extension, via);
}

/** A configured forward that can be used now, or null (absent, or dangling: skipped with a trace line). */
export function usableForward(ctx: RouteContext, extension: Extension, destination: Destination | null | undefined, when: string): Destination | null {
  if (!destination) return null;
  const problem = destinationProblem(ctx.plan, destination);
  if (problem === null) return destination;
  ctx.trace.push(`Extension ${extension.number}'s forward ${when} ${problem}; skipped.`);
  return null;
}

/** Rings the extension's phone; busy -> forward-busy or voicemail; no answer / unreachable -> forward-no-answer or voicemail. */
function ringNormally(ctx: RouteContext, extension: Extension, via: ForwardVia | undefined): CallStep[] {
  const { facts } = extension;
  if (extension.endpoint === null) {
    ctx.trace.push(facts.noPhoneLine);
    return whenUnanswered(ctx, extension, "congestion");
  }
  const timeoutSec = facts.ringTimeoutSec;
  ctx.trace.push(facts.ringLine);
  ctx.trace.push(facts.unansweredLine);
  // The failure branches may never happen: planned off the path (inBranch, written out to
  // spare a closure per branch on every call).
  const wasRecording = ctx.isRecording;
  ctx.isRecording = false;
  try {
    const onBusy = whenBusy(ctx, extension);
    // No answer and unreachable lead to the same place unless both end in a hangup (whose
    // cause differs), so the forward is planned once and shared: half the work, and one trace.
    const onNoAnswer = whenUnanswered(ctx, extension, "no_answer");
    const isHangup = onNoAnswer.length === 1 && onNoAnswer[0]?.type === "hangup";
    const onUnreachable = isHangup ? whenUnanswered(ctx, extension, "congestion") : onNoAnswer;
    return [{ type: "dial", targets: [phoneTarget(extension, via)], strategy: "simultaneous", timeoutSec, callerId: ctx.callerId, onBusy, onNoAnswer, onUnreachable }];
  } finally {
    ctx.isRecording = wasRecording;
  }
}

function whenBusy(ctx: RouteContext, extension: Extension): CallStep[] {
  const busy = usableForward(ctx, extension, extension.forwarding?.busy, "when busy");
  if (busy !== null) {
    visit(ctx, extension.facts.forwardBusyNodeId);
    return routeDestination(ctx, busy, "FORWARD_BUSY");
  }
  visit(ctx, extension.facts.busyEndNodeId);
  return mailboxOrHangup(extension, "busy", "busy");
}

/** Also what follows an exhausted follow-me list (cause no_answer). */
export function whenUnanswered(ctx: RouteContext, extension: Extension, cause: "no_answer" | "congestion"): CallStep[] {
  const noAnswer = usableForward(ctx, extension, extension.forwarding?.noAnswer, "when unanswered");
  if (noAnswer !== null) {
    visit(ctx, extension.facts.forwardNoAnswerNodeId);
    return routeDestination(ctx, noAnswer, "FORWARD_NO_ANSWER");
  }
  const { facts } = extension;
  visit(ctx, cause === "no_answer" ? facts.noAnswerEndNodeId : facts.congestionEndNodeId);
  return mailboxOrHangup(extension, "unavailable", cause);
}

/** A loop cut: the extension's phone, then its voicemail or a hangup; none of its forwarding. */
export function ringPhoneOnly(ctx: RouteContext, extension: Extension, via: ForwardVia | undefined): CallStep[] {
  if (extension.endpoint === null) return mailboxOrHangup(extension, "unavailable", "congestion");
  return [{
    type: "dial",
    targets: [phoneTarget(extension, via)],
    strategy: "simultaneous",
    timeoutSec: extension.facts.ringTimeoutSec,
    callerId: ctx.callerId,
    onBusy: mailboxOrHangup(extension, "busy", "busy"),
    onNoAnswer: mailboxOrHangup(extension, "unavailable", "no_answer"),
    onUnreachable: mailboxOrHangup(extension, "unavailable", "congestion"),
  }];
}
