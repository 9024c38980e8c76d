import type { CallerId, CallPlan, CallStep, DialTarget, ForwardVia } from "./call-plan";

function callerLabel(callerId: CallerId): string {
  const number = callerId.number ?? "withheld";
  return callerId.name ? `"${callerId.name}" <${number}>` : number;
}

const VIA_LABELS: Record<ForwardVia, string> = {
  FOLLOW_ME: "follow-me",
  FORWARD_ALWAYS: "forward always",
  FORWARD_BUSY: "forward when busy",
  FORWARD_NO_ANSWER: "forward when unanswered",
  RULE: "rule",
  HUNT_GROUP: "hunt group",
  IVR: "IVR menu",
  QUEUE: "call queue",
};

/** " [follow-me]": why the party is rung instead of what was called; "" when it is what was called. */
const viaLabel = (via: ForwardVia | undefined) => (via ? ` [${VIA_LABELS[via] ?? via}]` : "");

function targetLabel(target: DialTarget, timeoutSec: number): string {
  const name = target.kind === "external" ? `${target.number} via ${target.trunk}` : target.endpoint;
  const confirm = target.kind === "external" && target.confirm === true ? " (press 1 to accept)" : "";
  const ringSec = target.ringSec !== undefined && target.ringSec !== timeoutSec ? ` for ${target.ringSec}s` : "";
  return `${name}${confirm}${ringSec}${viaLabel(target.via)}`;
}

function describeStep(step: CallStep): string {
  switch (step.type) {
    case "dial": {
      const how = step.targets.length > 1 ? ` (${step.strategy})` : "";
      const targets = step.targets.map((t) => targetLabel(t, step.timeoutSec)).join(", ");
      return `Ring ${targets}${how} for ${step.timeoutSec}s, showing ${callerLabel(step.callerId)}`;
    }
    case "voicemail":
      return `Voicemail box ${step.mailbox} (${step.greeting} greeting)`;
    case "dialOutbound":
      return `${step.isEmergency ? "EMERGENCY call" : "Call"} ${step.number} via ${step.trunk}${viaLabel(step.via)}, showing ${callerLabel(step.callerId)}`;
    case "play":
      return `Answer and play ${step.media.join(", ")}`;
    case "hangup":
      return `Hang up (${step.cause})`;
    case "menu": {
      const greeting = step.intro.length > 0 ? `play ${step.intro.join(", ")}, then ` : "";
      const prompt = step.prompt.length > 0 ? step.prompt.join(", ") : "a beep";
      const keys = step.maxDigits > 1 ? `up to ${step.maxDigits} keys` : "a key";
      return `IVR menu ${step.name}: answer, ${greeting}play ${prompt} and wait ${step.digitTimeoutSec}s for ${keys}; offered again up to ${step.maxRetries} times`;
    }
    case "queue": {
      const hold = step.holdMedia.length > 0 ? step.holdMedia.join(", ") : "music on hold";
      const announce = [step.announcePosition ? "position" : null, step.announceWaitTime ? "expected wait" : null].filter((a) => a !== null);
      const announcing = announce.length > 0 ? `, announcing ${announce.join(" and ")} every ${step.announceEverySec}s` : "";
      return `Call queue ${step.name}: answer and play ${hold}${announcing}; ring members for ${step.memberRingSec}s, ${step.retrySec}s apart, for up to ${step.maxWaitSec}s`;
    }
  }
}

/** The branches a step can take instead of the steps after it, in the order the worker meets them. */
function branchesOf(step: CallStep): (readonly [string, readonly CallStep[]])[] {
  switch (step.type) {
    case "dial":
      return [["If busy", step.onBusy], ["If no answer", step.onNoAnswer], ["If unreachable", step.onUnreachable]];
    case "menu":
      return step.onFax === null ? [["If no valid choice", step.onRetriesExhausted]] : [["If no valid choice", step.onRetriesExhausted], ["If a fax tone", step.onFax]];
    case "queue":
      return [[`After ${waitText(step.maxWaitSec)}`, step.onTimeout]];
    default:
      return [];
  }
}

/** "5 min", "90 s": how long a queue holds a caller, as people say it. */
export function waitText(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function describeSteps(steps: readonly CallStep[], indent: string, lines: string[]): void {
  steps.forEach((step, index) => {
    lines.push(`${indent}${index + 1}. ${describeStep(step)}`);
    for (const [label, branch] of branchesOf(step)) {
      lines.push(`${indent}   ${label}:`);
      describeSteps(branch, `${indent}      `, lines);
    }
  });
}

/**
 * Plain-text outline of a plan's steps, one line each, branches indented, for the portal's
 * call-flow preview and for logs. The `trace` says why; this says what.
 */
export function describePlan(plan: CallPlan): string[] {
  const lines: string[] = [];
  describeSteps(plan.steps, "", lines);
  return lines;
}
