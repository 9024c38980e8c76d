/**
 * A click-to-call's progress as the four steps people follow: calling you → you answered →
 * calling them → connected. Pure, from the status view alone, so the dialog and its test
 * agree on what each state means.
 */
import type { CallbackStateName, CallbackStatusView } from "@/server/modules/callbacks/contract";

export type StepState = "done" | "current" | "pending" | "failed";
export type ProgressStep = { key: "first" | "answered" | "second" | "connected"; label: string; state: StepState };

const LABELS: Record<ProgressStep["key"], string> = { first: "Calling you", answered: "You answered", second: "Calling them", connected: "Connected" };
const ORDER: ProgressStep["key"][] = ["first", "answered", "second", "connected"];

/** How many steps a state has completed, and which one it is on (null when none is running). */
const REACHED: Record<Exclude<CallbackStateName, "FAILED">, { done: number; current: ProgressStep["key"] | null }> = {
  QUEUED: { done: 0, current: null },
  CALLING_FIRST: { done: 0, current: "first" },
  CALLING_SECOND: { done: 2, current: "second" },
  CONNECTED: { done: 4, current: null },
  COMPLETED: { done: 4, current: null },
};

export function progressSteps(status: Pick<CallbackStatusView, "state" | "firstAnsweredAt" | "connectedAt" | "failureReason">): ProgressStep[] {
  if (status.state === "FAILED") {
    // Where it stopped: the step after the last one reached is the one that failed.
    const done = status.connectedAt ? 4 : status.firstAnsweredAt ? 2 : 0;
    return ORDER.map((key, i) => ({ key, label: LABELS[key], state: i < done ? "done" : i === done ? "failed" : "pending" }));
  }
  const { done, current } = REACHED[status.state];
  return ORDER.map((key, i) => ({ key, label: LABELS[key], state: i < done ? "done" : key === current ? "current" : "pending" }));
}
