import type { CallerId, CallPlan, CallStep, DialTarget } from "./call-plan";

function callerLabel(callerId: CallerId): string {
  const number = callerId.number ?? "withheld";
  return callerId.name ? `"${callerId.name}" <${number}>` : number;
}

function targetLabel(target: DialTarget): string {
  return target.kind === "external" ? `${target.number} via ${target.trunk}` : target.endpoint;
}

function describeStep(step: CallStep): string {
  switch (step.type) {
    case "dial": {
      const how = step.targets.length > 1 ? ` (${step.strategy})` : "";
      return `Ring ${step.targets.map(targetLabel).join(", ")}${how} for ${step.timeoutSec}s, showing ${callerLabel(step.callerId)}`;
    }
    case "voicemail":
      return `Voicemail box ${step.mailbox} (${step.greeting} greeting)`;
    case "dialOutbound":
      return `${step.isEmergency ? "EMERGENCY call" : "Call"} ${step.number} via ${step.trunk}, showing ${callerLabel(step.callerId)}`;
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
