/**
 * The partner's side of a customer's credit (issue 13): read it, and set whether the customer
 * is prepaid and its credit limit (>= 0, in the partner's currency). The change is audited and
 * tells the worker at once (dialplan_changed drops its cached credit facts for the customer).
 */
import { Prisma } from "../../../generated/prisma/client";
import { db } from "../../../db";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import { findBillingHistory, findCallsOfDay } from "../billing-history";
import { getCredit } from "../credit-service";
import { partnerCurrencyFor } from "../queries";
import type { TCreditLimitInput } from "../schema";
import { customerScope } from "./customer-billing-service";

export const getCustomerCredit = async ({ partnerId }: PartnerScope, tenantId: string) => getCredit(await customerScope(partnerId, tenantId));
export const findCustomerHistory = async ({ partnerId }: PartnerScope, tenantId: string, page: number) => findBillingHistory(await customerScope(partnerId, tenantId), page);
export const findCustomerCallsOfDay = async ({ partnerId }: PartnerScope, input: { tenantId: string; day: string; currency: string }) =>
  findCallsOfDay(await customerScope(partnerId, input.tenantId), input);

export async function setCustomerCredit({ partnerId, actor }: PartnerScope, input: TCreditLimitInput) {
  const scope = await customerScope(partnerId, input.tenantId);
  const currency = await partnerCurrencyFor(scope.db, scope.tenantId);
  const creditLimit = new Prisma.Decimal(input.creditLimit);
  await db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { isPrepaid: true, creditLimit: true } });
    await tx.tenant.update({ where: { id: scope.tenantId }, data: { isPrepaid: input.isPrepaid, creditLimit } });
    await recordAudit(tx, actor, {
      action: "billing.setCredit", entityType: "Tenant", entityId: scope.tenantId, partnerId, tenantId: scope.tenantId,
      details: { before: { isPrepaid: before.isPrepaid, creditLimit: before.creditLimit.toString() }, after: { isPrepaid: input.isPrepaid, creditLimit: creditLimit.toString() }, currency },
    });
    await notifyDialPlanChanged(tx, scope.tenantId);
  });
  return getCredit(scope);
}
