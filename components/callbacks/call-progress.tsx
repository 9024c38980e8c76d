"use client";

import { Spinner } from "@/components/ui/spinner";
import type { CallbackStatusView } from "@/server/modules/callbacks/contract";
import { progressSteps, type StepState } from "./progress-steps";

const MARK: Record<StepState, { sign: string; className: string; words: string }> = {
  done: { sign: "✓", className: "bg-green-600 text-white", words: "done" },
  current: { sign: "…", className: "bg-indigo-600 text-white", words: "in progress" },
  pending: { sign: "", className: "border border-gray-300 bg-white", words: "not yet" },
  failed: { sign: "✕", className: "bg-red-600 text-white", words: "failed" },
};

/**
 * The steps of a click-to-call, and the status sentence in a polite live region, so a
 * screen reader hears each change ("You answered: calling them…", "Connected.").
 */
export function CallProgress({ status }: { status: CallbackStatusView }) {
  const steps = progressSteps(status);
  const isFailed = status.state === "FAILED";
  return (
    <div className="space-y-4">
      <ol className="space-y-2" aria-label="Call progress">
        {steps.map((step) => {
          const mark = MARK[step.state];
          return (
            <li key={step.key} className="flex items-center gap-3 text-sm" data-step={step.key} data-state={step.state}>
              <span aria-hidden="true" className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${mark.className}`}>
                {step.state === "current" ? <Spinner className="size-3.5" /> : mark.sign}
              </span>
              <span className={step.state === "pending" ? "text-gray-600" : "font-medium text-gray-900"}>{step.label}</span>
              <span className="sr-only">({mark.words})</span>
            </li>
          );
        })}
      </ol>
      <p role="status" aria-live="polite" data-testid="callback-status" className={`rounded-md px-3 py-2 text-sm ${isFailed ? "bg-red-50 text-red-800" : "bg-gray-50 text-gray-800"}`}>
        {status.message}
      </p>
    </div>
  );
}
