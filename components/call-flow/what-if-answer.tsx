"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { WhatIfAnswer } from "@/server/modules/routing/what-if/service";

const OUTCOME: Record<WhatIfAnswer["ruleChecks"][number]["outcome"], { label: string; tone: BadgeTone }> = {
  matched: { label: "Matched", tone: "success" },
  notMatched: { label: "Did not match", tone: "neutral" },
  disabled: { label: "Off", tone: "warning" },
  notReached: { label: "Not reached", tone: "neutral" },
};

/** The engine's answer: what the call does step by step, and every rule it weighed. */
export function WhatIfAnswerView({ answer }: { answer: WhatIfAnswer }) {
  return (
    <div className="space-y-4" aria-live="polite" data-testid="what-if-answer">
      <div>
        <h3 className="text-sm font-semibold text-gray-900">What the call does</h3>
        <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm text-gray-800">
          {answer.steps.map((step, i) => <li key={i} className="whitespace-pre-wrap">{step}</li>)}
        </ol>
      </div>
      {answer.ruleChecks.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-gray-900">Rules</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {answer.ruleChecks.map((check) => (
              <li key={`${check.ownerNodeId}-${check.ruleId}`} data-rule-check={check.outcome}>
                <Badge tone={OUTCOME[check.outcome].tone}>{OUTCOME[check.outcome].label}</Badge>{" "}
                <span className="font-medium">{check.name}</span>: {check.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="text-xs text-gray-600">
        <summary className="cursor-pointer">Routing trace</summary>
        <ol className="mt-1 list-decimal pl-5">{answer.trace.map((line, i) => <li key={i}>{line}</li>)}</ol>
      </details>
    </div>
  );
}
