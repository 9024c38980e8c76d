/**
 * Who sees call rates and costs (issue 13): the partner's policy for the customer (its own,
 * else the partner's default), then the customer's own switch, then, for extension users, the
 * switch on their SIP account. One function, so recent calls, reports, exports and the API
 * can never disagree. Partner staff and platform admins always see them.
 */
import type { CallCostVisibility, Role } from "@/server/generated/prisma/enums";

export interface CostVisibilityFacts {
  role: Role;
  partnerPolicy: CallCostVisibility;
  /** The partner's policy for this customer; null = the partner's default. */
  tenantPolicy: CallCostVisibility | null;
  /** The customer's own setting (Tenant.showCallCosts). */
  tenantShowsCosts: boolean;
  /** Extension users only: their own account's setting (SipAccount.showCallCosts); null = no account. */
  accountShowsCosts: boolean | null;
}

export function canSeeCallCosts(facts: CostVisibilityFacts): boolean {
  if (facts.role === "PLATFORM_ADMIN" || facts.role === "PARTNER_ADMIN") return true;
  const policy = facts.tenantPolicy ?? facts.partnerPolicy;
  if (policy === "HIDDEN" || !facts.tenantShowsCosts) return false;
  if (facts.role === "CUSTOMER_ADMIN") return true;
  return policy === "EVERYONE" && facts.accountShowsCosts === true;
}
