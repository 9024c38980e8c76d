/**
 * The back office's read-only view of a customer's phone system: its extensions with their
 * live state, and its call usage. After checking that the customer is the admin's, it calls
 * the same tenant services with tenantDb(customerId); nothing here writes.
 */
import { customerScope } from "../billing/partner/customer-billing-service";
import { findExtensionOverview } from "../extensions/service";
import { getUsage } from "../usage/service";
import type { PartnerScope } from "./customers-service";

/** Throws NOT_FOUND for another partner's customer exactly as for a missing one. */
export const findCustomerExtensions = async ({ partnerId }: PartnerScope, tenantId: string) => findExtensionOverview(await customerScope(partnerId, tenantId));

/** Throws NOT_FOUND for another partner's customer exactly as for a missing one. */
export const getCustomerUsage = async ({ partnerId }: PartnerScope, tenantId: string, now?: Date) => getUsage(await customerScope(partnerId, tenantId), now);
