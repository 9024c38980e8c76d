/**
 * The engine's IVR and queue decisions as the worker calls them (issue 12): `routeMenuChoice`
 * (engine/menu.ts) and `queueAttempt` (engine/queue.ts). Behind an interface so tests can hand
 * the worker their own answers; the worker uses the engine's unless told otherwise.
 */
import type { routeMenuChoice } from "../engine/menu";
import type { queueAttempt } from "../engine/queue";

export type { MenuChoice } from "../engine/menu";
export type { QueueAttempt } from "../engine/queue";

export type RouteMenuChoice = typeof routeMenuChoice;
export type QueueAttemptFn = typeof queueAttempt;

export interface MediaEngine {
  routeMenuChoice: RouteMenuChoice;
  queueAttempt: QueueAttemptFn;
}
