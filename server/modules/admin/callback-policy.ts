/**
 * The partner's web-callback limits (issue 14), read and written by its own back office only:
 * a customer of another partner is NOT_FOUND. Every change is audited with before and after.
 */
import { db } from "../../db";
import { AppError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../audit/service";
import { OPTIONAL_NUMBER_TYPES, SAFE_NUMBER_TYPES } from "../callbacks/intake/destination-policy";
import { callbackCountryCodes, type TSetCustomerCallbackLimitsInput, type TSetPartnerCallbackPolicyInput } from "./callback-policy-schema";
import type { PartnerScope } from "./customers-service";

const limitsSelect = { callbackCountries: true, callbackMaxConcurrent: true, callbackDailySpendLimit: true } as const;
type LimitsRow = Prisma.TenantGetPayload<{ select: typeof limitsSelect }>;

const limitsView = (row: LimitsRow) => ({
  countries: row.callbackCountries,
  maxConcurrent: row.callbackMaxConcurrent,
  dailySpendLimit: row.callbackDailySpendLimit.toString(),
});

export async function getCustomerCallbackLimits({ partnerId }: PartnerScope, tenantId: string) {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId, partnerId }, select: { ...limitsSelect, countryCode: true, partner: { select: { currency: true } } } });
  if (!tenant) throw new AppError("NOT_FOUND", "That customer does not exist.");
  return { ...limitsView(tenant), homeCallingCode: tenant.countryCode, currency: tenant.partner.currency, countryChoices: callbackCountryCodes() };
}

export async function setCustomerCallbackLimits(scope: PartnerScope, input: TSetCustomerCallbackLimitsInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.tenant.findFirst({ where: { id: input.tenantId, partnerId: scope.partnerId }, select: limitsSelect });
    if (!before) throw new AppError("NOT_FOUND", "That customer does not exist.");
    const after = await tx.tenant.update({
      where: { id: input.tenantId },
      data: { callbackCountries: input.countries, callbackMaxConcurrent: input.maxConcurrent, callbackDailySpendLimit: new Prisma.Decimal(input.dailySpendLimit) },
      select: limitsSelect,
    });
    await recordAudit(tx, scope.actor, {
      action: "customer.setCallbackLimits", entityType: "Tenant", entityId: input.tenantId, partnerId: scope.partnerId, tenantId: input.tenantId,
      details: { before: limitsView(before), after: limitsView(after) },
    });
    return limitsView(after);
  });
}

const policySelect = { callbackAllowedNumberTypes: true, callbackBlockedPrefixes: true } as const;
const policyView = (row: Prisma.PartnerGetPayload<{ select: typeof policySelect }>) => ({
  allowedNumberTypes: row.callbackAllowedNumberTypes,
  blockedPrefixes: row.callbackBlockedPrefixes,
});

export async function getPartnerCallbackPolicy({ partnerId }: PartnerScope) {
  const partner = await db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: policySelect });
  return { ...policyView(partner), safeTypes: [...SAFE_NUMBER_TYPES], optionalTypes: [...OPTIONAL_NUMBER_TYPES] };
}

export async function setPartnerCallbackPolicy(scope: PartnerScope, input: TSetPartnerCallbackPolicyInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.partner.findUniqueOrThrow({ where: { id: scope.partnerId }, select: policySelect });
    const after = await tx.partner.update({
      where: { id: scope.partnerId },
      data: { callbackAllowedNumberTypes: input.allowedNumberTypes, callbackBlockedPrefixes: [...input.blockedPrefixes].sort() },
      select: policySelect,
    });
    await recordAudit(tx, scope.actor, {
      action: "partner.setCallbackPolicy", entityType: "Partner", entityId: scope.partnerId, partnerId: scope.partnerId,
      details: { before: policyView(before), after: policyView(after) },
    });
    return policyView(after);
  });
}
