/**
 * The engine's IVR and queue decisions as the worker calls them (issue 12). The engine helper
 * implements `routeMenuChoice` (engine/menu.ts) and `queueAttempt` (engine/queue.ts); until
 * those files are merged the worker declares their signatures here, named as the engine names
 * them, so both sides meet at merge by replacing these declarations with `typeof` imports.
 */
import type { CallerId, CallPlan, DialTarget, IncomingCall, RoutingState, TenantDialPlan } from "../engine";

/** What the keys pressed so far mean. */
export type MenuChoice =
  /** A valid choice: run this plan (it starts with the post-selection prompt when there is one). */
  | { kind: "route"; plan: CallPlan }
  /** A prefix of something valid (direct dial): wait for more keys. */
  | { kind: "incomplete" }
  | { kind: "invalid"; reason: string };

/** `isFinal`: no more keys will come (the digit timeout passed, or `maxDigits` were pressed). */
export type RouteMenuChoice = (
  plan: TenantDialPlan, call: IncomingCall, menuId: string, digits: string, isFinal: boolean, now: Date, state: RoutingState,
) => MenuChoice;

/** Whom one queue attempt rings; `roundRobin` cursors are keyed by the queue id (CallQueue.roundRobinCursor). */
export interface QueueAttempt {
  targets: DialTarget[];
  strategy: "simultaneous" | "sequential";
  timeoutSec: number;
  roundRobin: { huntGroupId: string; cursor: number }[];
}

/** null: the queue is not in the dial plan (deleted since the call joined). */
export type QueueAttemptFn = (plan: TenantDialPlan, queueId: string, state: RoutingState, callerId: CallerId) => QueueAttempt | null;

export interface MediaEngine {
  routeMenuChoice: RouteMenuChoice;
  queueAttempt: QueueAttemptFn;
}
