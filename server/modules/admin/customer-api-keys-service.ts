/**
 * The back office's view of a customer's callback API keys (issue 14): a partner admin may set
 * a key's rate limit beyond what the customer may (CUSTOMER_MAX_RATE_LIMIT), e.g. for a load
 * test, up to the database's bound. Never the key itself: only its prefix and settings.
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "../audit/service";
import type { TSetApiKeyRateLimitInput } from "../callbacks/api-keys/schema";
import type { PartnerScope } from "./customers-service";

const select = { id: true, name: true, prefix: true, sipAccountId: true, rateLimitPerMinute: true, lastUsedAt: true, revokedAt: true, createdAt: true } as const;

async function assertCustomer(partnerId: string, tenantId: string) {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId, partnerId }, select: { id: true } });
  if (!tenant) throw new AppError("NOT_FOUND", "That customer does not exist.");
}

export async function findCustomerApiKeys({ partnerId }: PartnerScope, tenantId: string) {
  await assertCustomer(partnerId, tenantId);
  return db.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, select });
}

export async function setCustomerApiKeyRateLimit({ partnerId, actor }: PartnerScope, input: TSetApiKeyRateLimitInput) {
  return db.$transaction(async (tx) => {
    // The key must be this partner's customer's: the join answers both questions at once.
    const before = await tx.apiKey.findFirst({ where: { id: input.id, tenantId: input.tenantId, tenant: { partnerId } }, select });
    if (!before) throw new AppError("NOT_FOUND", "That API key does not exist.");
    const after = await tx.apiKey.update({ where: { id: before.id }, data: { rateLimitPerMinute: input.rateLimitPerMinute }, select });
    await recordAudit(tx, actor, {
      action: "apiKey.updated", entityType: "ApiKey", entityId: after.id, tenantId: input.tenantId, partnerId,
      details: { before: { name: before.name, prefix: before.prefix, rateLimitPerMinute: before.rateLimitPerMinute }, after: { name: after.name, prefix: after.prefix, rateLimitPerMinute: after.rateLimitPerMinute } },
    });
    return after;
  });
}
