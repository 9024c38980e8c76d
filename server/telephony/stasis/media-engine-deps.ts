/**
 * Wires the engine's IVR and queue decisions into the Stasis handlers: each question is
 * answered on the tenant's current dial plan (the cache NOTIFY keeps fresh, so a member
 * logging in or out through the portal counts from the next attempt) and the moment's
 * routing state (busy members, usage, round-robin cursors of hunt groups and queues).
 */
import type { RoutingState, TenantDialPlan } from "../engine";
import type { StasisDeps } from "./deps";
import type { MediaEngine } from "./media-engine-contract";

export interface MediaEngineParts {
  dialPlanFor: (tenantId: string) => Promise<TenantDialPlan>;
  routingState: (tenantId: string, timeZone: string, now: Date) => Promise<RoutingState>;
  clock: () => Date;
}

export function mediaEngineDeps(engine: MediaEngine, parts: MediaEngineParts): Required<Pick<StasisDeps, "menuChoice" | "queueAttempt">> {
  const moment = async (tenantId: string) => {
    const plan = await parts.dialPlanFor(tenantId);
    const now = parts.clock();
    return { plan, now, state: await parts.routingState(tenantId, plan.timeZone, now) };
  };
  return {
    menuChoice: async (tenantId, { call, menuId, digits, isFinal }) => {
      const { plan, now, state } = await moment(tenantId);
      return engine.routeMenuChoice(plan, call, menuId, digits, isFinal, now, state);
    },
    queueAttempt: async (tenantId, { queueId, callerId }) => {
      const { plan, state } = await moment(tenantId);
      return engine.queueAttempt(plan, queueId, state, callerId);
    },
  };
}
