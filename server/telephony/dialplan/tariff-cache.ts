/**
 * The tariffs outbound CDRs are rated with, without a query per call. Two caches: which tariff
 * rates a tenant (its own, else its partner's default), and each tariff's rate table, loaded
 * once however many tenants it rates (a partner default may rate thousands, with 50,000
 * prefixes). The tariff writers in server/modules/tariffs send `dialplan_changed` for every
 * tenant a change affects; `forget(tenantId)` then drops that tenant's choice and the table
 * it was rated with.
 */
import type { Db } from "@/server/db";
import { buildRateTable, type RateTable } from "../cdr/rate-call";
import { LookupCache, type LookupCacheOptions } from "./lookup-cache";

export interface Tariff {
  id: string;
  table: RateTable;
  currency: string;
}

/** The id of the tenant's own tariff, else of its partner's default; null when neither exists. */
export async function findTenantTariffId(db: Db, tenantId: string): Promise<string | null> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { tariffId: true, partnerId: true } });
  if (tenant.tariffId) return tenant.tariffId;
  const fallback = await db.tariff.findFirst({ where: { partnerId: tenant.partnerId, isDefault: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return fallback?.id ?? null;
}

export async function loadTariff(db: Db, tariffId: string): Promise<Tariff | null> {
  const tariff = await db.tariff.findUnique({ where: { id: tariffId }, include: { rates: true } });
  return tariff ? { id: tariff.id, table: buildRateTable(tariff.rates), currency: tariff.currency } : null;
}

export function createTariffCache(db: Db, options: LookupCacheOptions) {
  const choices = new LookupCache<{ tenantId: string; tariffId: string | null }>(
    async (tenantId) => ({ tenantId, tariffId: await findTenantTariffId(db, tenantId) }),
    (choice) => [choice.tenantId],
    options,
  );
  const tariffs = new LookupCache<Tariff | null>((tariffId) => loadTariff(db, tariffId), (tariff) => (tariff ? [tariff.id] : []), options);
  return {
    /** The tenant's tariff; null when it has none (its outbound calls stay unrated). */
    async tariffFor(tenantId: string): Promise<Tariff | null> {
      const { tariffId } = await choices.get(tenantId);
      return tariffId ? tariffs.get(tariffId) : null;
    },
    forget(tenantId: string): void {
      const tariffId = choices.peek(tenantId)?.tariffId;
      choices.forget(tenantId);
      // Without a cached choice, still bump the epoch: a table loading now may predate the change.
      tariffs.forget(tariffId ?? tenantId);
    },
    clear(): void {
      choices.clear();
      tariffs.clear();
    },
  };
}

export type TariffCache = ReturnType<typeof createTariffCache>;
