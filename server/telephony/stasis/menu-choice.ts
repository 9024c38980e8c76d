/**
 * Asks the engine what a menu entry means, and claims the round-robin cursors of the plan it
 * returns the way decide-route.ts does for a first routing: all or none, re-asking (with
 * fresh state) when another call took a cursor first, a bounded number of times.
 */
import type { ExecuteContext } from "./execute-plan";
import type { MenuChoice } from "./media-engine-contract";

const MAX_CLAIM_ATTEMPTS = 5;

export async function decideMenuChoice(ctx: ExecuteContext, menuId: string, digits: string, isFinal: boolean): Promise<MenuChoice> {
  const { deps, session } = ctx;
  const tenantId = session.tenantId;
  const call = session.incoming;
  if (!deps.menuChoice || !tenantId || !call) {
    // Configuration error of the worker, not of the company: the caller falls back to dialplan.
    throw new Error("IVR menu reached but the worker has no menuChoice wired (engine routeMenuChoice)");
  }
  for (let attempt = 1; ; attempt++) {
    const choice = await deps.menuChoice(tenantId, { call, menuId, digits, isFinal });
    if (choice.kind !== "route" || choice.plan.roundRobin.length === 0 || !deps.claimRoundRobin) return choice;
    if (await deps.claimRoundRobin(tenantId, choice.plan.roundRobin)) return choice;
    if (attempt >= MAX_CLAIM_ATTEMPTS) {
      session.log.warn("round-robin cursor kept moving under this menu choice; ringing without a claim", { claims: choice.plan.roundRobin });
      return choice;
    }
  }
}
