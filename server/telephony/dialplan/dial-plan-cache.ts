/**
 * Compiled routing snapshots per tenant. Entries are dropped on `dialplan_changed` NOTIFY and
 * expire after `maxAgeMs` anyway, because a NOTIFY sent while the LISTEN connection was down
 * is lost (the listener also clears everything on reconnect). The caching itself, including
 * "a load that started before an invalidation is not stored", is lookup-cache.ts.
 */
import { compileDialPlan, type TenantDialPlan, type TenantDialPlanInput } from "../engine";
import { LookupCache } from "./lookup-cache";

export class DialPlanCache {
  #plans: LookupCache<TenantDialPlan>;

  constructor(
    load: (tenantId: string) => Promise<TenantDialPlanInput>,
    options: { maxAgeMs: number; now?: () => number; onWarnings?: (tenantId: string, warnings: string[]) => void },
  ) {
    const compile = async (tenantId: string) => {
      const plan = compileDialPlan(await load(tenantId));
      if (plan.warnings.length > 0) options.onWarnings?.(tenantId, plan.warnings);
      return plan;
    };
    this.#plans = new LookupCache(compile, (plan) => [plan.tenantId], options);
  }

  /** The tenant's compiled snapshot; concurrent callers share one load. Rejects when loading fails. */
  get(tenantId: string): Promise<TenantDialPlan> {
    return this.#plans.get(tenantId);
  }

  invalidate(tenantId: string): void {
    this.#plans.forget(tenantId);
  }

  clear(): void {
    this.#plans.clear();
  }

  get size(): number {
    return this.#plans.size;
  }
}
