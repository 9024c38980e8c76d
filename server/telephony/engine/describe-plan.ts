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
  }
}

function describeSteps(steps: readonly CallStep[], indent: string, lines: string[]): void {
  steps.forEach((step, index) => {
    lines.push(`${indent}${index + 1}. ${describeStep(step)}`);
    if (step.type !== "dial") return;
    const branches = [
      ["If busy", step.onBusy],
      ["If no answer", step.onNoAnswer],
      ["If unreachable", step.onUnreachable],
    ] as const;
    for (const [label, branch] of branches) {
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
