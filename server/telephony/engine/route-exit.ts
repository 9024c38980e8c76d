/**
 * Where a menu or queue sends a caller it is done with (no choice, outside hours, the maximum
 * wait, nobody logged in): the configured destination through the one router, else a hangup.
 * The caller was answered, so the hangup is "normal" clearing, never a failure cause.
 */
import type { CallStep, ForwardVia } from "./call-plan";
import { destinationProblem } from "./destination-problem";
import { visit, type RouteContext } from "./route-context";
import { routeDestination } from "./route-destination";
import { ownerHangupNodeId } from "./routing-facts";
import type { Destination } from "./types";

/** A menu or queue as an exit's owner: its hangup nodes and how the trace names it. */
export interface ExitOwner {
  nodeId: string;
  hangupNodeIds: Record<string, string>;
  name: string;
}

export function routeExit(ctx: RouteContext, owner: ExitOwner, ownerLabel: string, destination: Destination | null, what: string, via: ForwardVia): CallStep[] {
  const problem = destination === null ? null : destinationProblem(ctx.plan, destination);
  if (destination !== null && problem === null) return routeDestination(ctx, destination, via);
  if (problem !== null) ctx.trace.push(`${ownerLabel} ${owner.name}: ${what} ${problem}; skipped.`);
  visit(ctx, ownerHangupNodeId(owner, "normal"));
  ctx.trace.push("Hang up (normal).");
  return [{ type: "hangup", cause: "normal" }];
}
