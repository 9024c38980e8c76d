/** A customer's own plans and the partner's pricing policy. Partner-scoped like plans-service.ts. */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import type { TAssignPlanInput } from "../schema";
import { requirePlan } from "./plans-service";

/** The partner's customer or NOT_FOUND: another partner's customer does not exist for them. */
export async function requireCustomer(partnerId: string, tenantId: string) {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId, partnerId }, select: { id: true, name: true } });
  if (!tenant) throw new AppError("NOT_FOUND", "That customer does not exist.");
  return tenant;
}

/**
 * Gives a customer its own plan for a type (planId), or puts it back on the partner's default
 * (null). A plan belongs to one customer at a time; the customer's previous plan of that type
 * is released back to the partner's list, not deleted.
 */
export async function assignAccountPlan({ partnerId, actor }: PartnerScope, input: TAssignPlanInput) {
  const tenant = await requireCustomer(partnerId, input.tenantId);
  return db.$transaction(async (tx) => {
    const plan = input.planId ? await requirePlan(tx, partnerId, input.planId) : null;
    if (plan) {
      if (plan.accountType !== input.accountType) throw new AppError("INVALID", "That plan prices a different account type.");
      if (plan.isDefault) throw new AppError("CONFLICT", "The default plan already applies to every customer; pick another plan.");
      if (plan.tenantId && plan.tenantId !== tenant.id) throw new AppError("CONFLICT", `That plan belongs to ${plan.tenant?.name ?? "another customer"}.`);
    }
    const previous = await tx.accountPlan.findFirst({ where: { partnerId, tenantId: tenant.id, accountType: input.accountType }, select: { id: true } });
    if (previous && previous.id !== plan?.id) await tx.accountPlan.update({ where: { id: previous.id }, data: { tenantId: null } });
    if (plan) await tx.accountPlan.update({ where: { id: plan.id }, data: { tenantId: tenant.id } });
    await recordAudit(tx, actor, {
      action: "customer.assignAccountPlan", entityType: "Tenant", entityId: tenant.id, partnerId, tenantId: tenant.id,
      details: { accountType: input.accountType, from: previous?.id ?? null, to: plan?.id ?? null, planName: plan?.name ?? "partner default" },
    });
    return { tenantId: tenant.id, accountType: input.accountType, planId: plan?.id ?? null };
  });
}

export async function getBillingPolicy({ partnerId }: PartnerScope) {
  const partner = await db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { currency: true, repriceExistingOnBandChange: true } });
  return partner;
}

/** Switches "re-price existing accounts when a band is reached"; affects purchases from now on. */
export async function setBillingPolicy({ partnerId, actor }: PartnerScope, input: { repriceExistingOnBandChange: boolean }) {
  return db.$transaction(async (tx) => {
    const before = await tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { repriceExistingOnBandChange: true } });
    const after = await tx.partner.update({ where: { id: partnerId }, data: input, select: { currency: true, repriceExistingOnBandChange: true } });
    await recordAudit(tx, actor, { action: "partner.setBillingPolicy", entityType: "Partner", entityId: partnerId, partnerId, details: { before, after: input } });
    return after;
  });
}
