/**
 * The per-minute rate of each destination prefix calls were rated with, from the tariff that
 * rates the company now (its own, else its partner's default): what "rate" means on recent
 * calls. Only read for viewers who may see costs.
 */
import type { TenantScope } from "../../tenancy";

export async function ratesByPrefix({ db, tenantId }: TenantScope, prefixes: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const wanted = [...new Set(prefixes)];
  if (wanted.length === 0) return new Map();
  const rates = { where: { prefix: { in: wanted } }, select: { prefix: true, ratePerMinute: true } } as const;
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: {
      tariff: { select: { rates } },
      partner: { select: { tariffs: { where: { isDefault: true }, orderBy: { createdAt: "asc" }, take: 1, select: { rates } } } },
    },
  });
  const found = tenant.tariff?.rates ?? tenant.partner.tariffs[0]?.rates ?? [];
  return new Map(found.map((r) => [r.prefix, r.ratePerMinute.toString()]));
}
