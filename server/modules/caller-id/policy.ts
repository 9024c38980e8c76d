import type { TenantDb } from "../../tenancy";

type Reader = Pick<TenantDb, "tenant">;

/**
 * The company's partner, its caller-ID policy, and the company's dialling code. Read through
 * the tenant's own row (a tenant scope reaches its partner only this way).
 */
export async function companyContext(db: Reader, tenantId: string) {
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { countryCode: true, partner: { select: { id: true, name: true, allowUnverifiedMobileCli: true } } },
  });
  return { countryCode: tenant.countryCode, partnerId: tenant.partner.id, partnerName: tenant.partner.name, allowUnverifiedMobileCli: tenant.partner.allowUnverifiedMobileCli };
}
