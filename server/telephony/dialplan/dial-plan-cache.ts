/**
 * Compiled routing snapshots per tenant. Entries are dropped on `dialplan_changed` NOTIFY and
 * expire after `maxAgeMs` anyway, because a NOTIFY sent while the LISTEN connection was down
 * is lost (the listener also clears everything on reconnect).
 */
import { compileDialPlan, type TenantDialPlan, type TenantDialPlanInput } from "../engine";

interface Entry {
  plan: TenantDialPlan;
  loadedAt: number;
}

export class DialPlanCache {
  #entries = new Map<string, Entry>();
  #loading = new Map<string, Promise<TenantDialPlan>>();
  /** Bumped on invalidation, so a load that started before it is not stored afterwards. */
  #generation = new Map<string, number>();

  constructor(
    private readonly load: (tenantId: string) => Promise<TenantDialPlanInput>,
    private readonly options: { maxAgeMs: number; now?: () => number; onWarnings?: (tenantId: string, warnings: string[]) => void },
  ) {}

  /** The tenant's compiled snapshot; concurrent callers share one load. Rejects when loading fails. */
  get(tenantId: string): Promise<TenantDialPlan> {
    const now = this.options.now?.() ?? Date.now();
    const hit = this.#entries.get(tenantId);
    if (hit && now - hit.loadedAt < this.options.maxAgeMs) return Promise.resolve(hit.plan);
    const pending = this.#loading.get(tenantId);
    if (pending) return pending;
    const generation = this.#generation.get(tenantId) ?? 0;
    const loading = this.load(tenantId)
      .then((input) => {
        const plan = compileDialPlan(input);
        if (plan.warnings.length > 0) this.options.onWarnings?.(tenantId, plan.warnings);
        if ((this.#generation.get(tenantId) ?? 0) === generation) this.#entries.set(tenantId, { plan, loadedAt: now });
        return plan;
      })
      .finally(() => this.#loading.delete(tenantId));
    this.#loading.set(tenantId, loading);
    return loading;
  }

  invalidate(tenantId: string): void {
    this.#entries.delete(tenantId);
    this.#loading.delete(tenantId);
    this.#generation.set(tenantId, (this.#generation.get(tenantId) ?? 0) + 1);
  }

  clear(): void {
    for (const tenantId of [...this.#entries.keys(), ...this.#loading.keys()]) this.invalidate(tenantId);
  }

  get size(): number {
    return this.#entries.size;
  }
}
