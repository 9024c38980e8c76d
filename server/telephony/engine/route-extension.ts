/**
 * An extension reached as a destination (dialled internally, a DID's target, forwarded to):
 * its rules, then do-not-disturb, then forward-always, then follow-me, else its own phone with
 * busy / no-answer forwarding or voicemail. The order is what users of any PBX expect.
 */
import type { CallStep, ForwardVia, HangupCause } from "./call-plan";
import { extensionLabel, extensionTitle, mailboxOrHangup, phoneTarget, ringTimeout } from "./dial-extension";
import { destinationProblem } from "./destination-problem";
import { flowId } from "./flow-ids";
import { routeFollowMe } from "./follow-me";
import { visit, type RouteContext } from "./route-context";
import { routeDestination } from "./route-destination";
import { ruleActionSteps, weighRules } from "./rules";
import type { Destination, Extension } from "./types";

export function routeExtension(ctx: RouteContext, extension: Extension, via: ForwardVia | undefined): CallStep[] {
  const nodeId = flowId.extension(extension.id);
  ctx.trace.push(via ? `${extensionTitle(extension)} (${via}).` : `${extensionTitle(extension)}.`);
  const dialled = ctx.didE164 !== null ? { e164: ctx.didE164, short: null } : { e164: null, short: extension.number };
  const rule = weighRules(ctx, nodeId, ctx.plan.rulesByExtension.get(extension.id), dialled);
  if (rule !== null) {
    const mailbox = extension.voicemail.isEnabled ? extension.voicemail.mailbox : ctx.plan.generalMailbox;
    const steps = ruleActionSteps(ctx, nodeId, rule, mailbox);
    if (steps !== null) return steps;
  }
  if (extension.doNotDisturb === true) {
    visit(ctx, flowId.dnd(extension.id));
    ctx.trace.push(`${extensionTitle(extension)} is on do-not-disturb: ${extension.voicemail.isEnabled ? "voicemail (busy greeting)" : "busy"}.`);
    visit(ctx, extension.voicemail.isEnabled ? flowId.voicemail(extension.voicemail.mailbox) : flowId.hangup(nodeId, "busy"));
    return mailboxOrHangup(extension, "busy", "busy");
  }
  const always = usableForward(ctx, extension, extension.forwarding?.always, "always");
  if (always !== null) {
    visit(ctx, flowId.forward(extension.id, "always"));
    return routeDestination(ctx, always, "FORWARD_ALWAYS");
  }
  const followMe = ctx.plan.followMeByExtension.get(extension.id);
  if (followMe) return routeFollowMe(ctx, extension, followMe, via);
  visit(ctx, flowId.ring(extension.id));
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
  const label = extensionLabel(extension);
  const hasVoicemail = extension.voicemail.isEnabled;
  if (extension.endpoint === null) {
    ctx.trace.push(`${extensionTitle(extension)} has no phone provisioned; ${hasVoicemail ? "sending to voicemail" : "hanging up"}.`);
    return whenUnanswered(ctx, extension, "congestion");
  }
  const timeoutSec = ringTimeout(ctx.plan, extension);
  ctx.trace.push(`Ring ${label} at ${extension.endpoint} for ${timeoutSec}s.`);
  ctx.trace.push(
    hasVoicemail
      ? `If busy, unanswered or unreachable: voicemail box ${extension.voicemail.mailbox}.`
      : "If busy: busy signal; if unanswered or unreachable: hang up (no voicemail).",
  );
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
    visit(ctx, flowId.forward(extension.id, "busy"));
    return routeDestination(ctx, busy, "FORWARD_BUSY");
  }
  visit(ctx, extension.voicemail.isEnabled ? flowId.voicemail(extension.voicemail.mailbox) : flowId.hangup(flowId.extension(extension.id), "busy"));
  return mailboxOrHangup(extension, "busy", "busy");
}

/** Also what follows an exhausted follow-me list (cause no_answer). */
export function whenUnanswered(ctx: RouteContext, extension: Extension, cause: HangupCause): CallStep[] {
  const noAnswer = usableForward(ctx, extension, extension.forwarding?.noAnswer, "when unanswered");
  if (noAnswer !== null) {
    visit(ctx, flowId.forward(extension.id, "noAnswer"));
    return routeDestination(ctx, noAnswer, "FORWARD_NO_ANSWER");
  }
  visit(ctx, extension.voicemail.isEnabled ? flowId.voicemail(extension.voicemail.mailbox) : flowId.hangup(flowId.extension(extension.id), cause));
  return mailboxOrHangup(extension, "unavailable", cause);
}

/** A loop cut: the extension's phone, then its voicemail or a hangup; none of its forwarding. */
export function ringPhoneOnly(ctx: RouteContext, extension: Extension, via: ForwardVia | undefined): CallStep[] {
  if (extension.endpoint === null) return mailboxOrHangup(extension, "unavailable", "congestion");
  return [{
    type: "dial",
    targets: [phoneTarget(extension, via)],
    strategy: "simultaneous",
    timeoutSec: ringTimeout(ctx.plan, extension),
    callerId: ctx.callerId,
    onBusy: mailboxOrHangup(extension, "busy", "busy"),
    onNoAnswer: mailboxOrHangup(extension, "unavailable", "no_answer"),
    onUnreachable: mailboxOrHangup(extension, "unavailable", "congestion"),
  }];
}
