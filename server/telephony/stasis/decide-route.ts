/**
 * The routing decision for one call: the moment's state (only for companies with hunt groups,
 * so other calls read nothing per call) and whether the company is out of credit, the pure engine, then the claim of every round-robin
 * cursor the plan used. A lost claim means another call (on this worker or another) took the
 * same member first: re-read and re-route, a bounded number of times, so two calls never
 * start at the same member and the cursor never skips one.
 */
import { EMPTY_ROUTING_STATE, routeCall, type CallPlan, type IncomingCall, type TenantDialPlan } from "../engine";
import type { Logger } from "../log";
import type { StasisDeps } from "./deps";

/** Enough for a burst of simultaneous calls into one group; beyond it the plan rings anyway. */
const MAX_ROUTING_ATTEMPTS = 5;

const hasHuntGroups = (snapshot: TenantDialPlan) => snapshot.huntGroupsById.size > 0;

export async function decideRoute(deps: StasisDeps, snapshot: TenantDialPlan, call: IncomingCall, log: Logger): Promise<CallPlan> {
  const route = deps.route ?? routeCall;
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock();
    const [moment, isOutOfCredit] = await Promise.all([
      deps.routingState && hasHuntGroups(snapshot) ? deps.routingState(snapshot.tenantId, snapshot.timeZone, now) : EMPTY_ROUTING_STATE,
      outOfCredit(deps, snapshot.tenantId, log),
    ]);
    const state = isOutOfCredit ? { ...moment, isOutOfCredit } : moment;
    const plan = route(snapshot, call, now, state);
    if (plan.roundRobin.length === 0 || !deps.claimRoundRobin) return plan;
    if (await deps.claimRoundRobin(snapshot.tenantId, plan.roundRobin)) return plan;
    if (attempt >= MAX_ROUTING_ATTEMPTS) {
      log.warn("round-robin cursor kept moving under this call; ringing without a claim", { claims: plan.roundRobin, attempts: attempt });
      return plan;
    }
    log.debug("round-robin cursor taken by another call; routing again", { claims: plan.roundRobin, attempt });
  }
}

/**
 * The company's credit, read for every call of a prepaid company (credit-state-store.ts keeps
 * it to one small index-only query). A failed read lets the call through and says so: refusing
 * every prepaid company's calls while the database hiccups would cost more than a call's charge.
 */
async function outOfCredit(deps: StasisDeps, tenantId: string, log: Logger): Promise<boolean> {
  if (!deps.isOutOfCredit) return false;
  try {
    return await deps.isOutOfCredit(tenantId);
  } catch (err) {
    log.warn("could not read the company's credit; routing as if it had some", { tenantId, err });
    return false;
  }
}
