/** What the intake needs to know about a company and its partner's callback policy. */
import type { Prisma } from "@/server/generated/prisma/client";
import type { TenantDb } from "@/server/tenancy";
import type { DestinationPolicy } from "./destination-policy";

export interface CallbackCompany {
  id: string;
  isSuspended: boolean;
  timeZone: string;
  isPrepaid: boolean;
  creditLimit: Prisma.Decimal;
  currency: string;
  maxConcurrent: number;
  dailySpendLimit: Prisma.Decimal;
  policy: DestinationPolicy;
}

export async function loadCallbackCompany(scoped: TenantDb, tenantId: string): Promise<CallbackCompany | null> {
  const t = await scoped.tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true, status: true, timeZone: true, countryCode: true, isPrepaid: true, creditLimit: true,
      callbackCountries: true, callbackMaxConcurrent: true, callbackDailySpendLimit: true,
      partner: { select: { currency: true, callbackAllowedNumberTypes: true, callbackBlockedPrefixes: true } },
    },
  });
  if (!t) return null;
  return {
    id: t.id,
    isSuspended: t.status === "SUSPENDED",
    timeZone: t.timeZone,
    isPrepaid: t.isPrepaid,
    creditLimit: t.creditLimit,
    currency: t.partner.currency,
    maxConcurrent: t.callbackMaxConcurrent,
    dailySpendLimit: t.callbackDailySpendLimit,
    policy: {
      countryCode: t.countryCode,
      allowedCountries: t.callbackCountries,
      allowedTypes: t.partner.callbackAllowedNumberTypes,
      blockedPrefixes: t.partner.callbackBlockedPrefixes,
    },
  };
}
