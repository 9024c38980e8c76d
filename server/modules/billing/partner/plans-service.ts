/**
 * Account plans are partner data (tenantId only marks a customer's own plan), so every query
 * here filters by the admin's partnerId: another partner's plan or customer reads as NOT_FOUND.
 */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import type { Prisma } from "../../../generated/prisma/client";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import { bandLabel } from "../money";
import { ACCOUNT_TYPE_LABELS, type TAccountType, type TCreatePlanInput, type TUpdatePlanInput } from "../schema";

type Tx = Prisma.TransactionClient;

const planInclude = { bands: { orderBy: { minQuantity: "asc" } }, tenant: { select: { id: true, name: true } } } as const;
type PlanRow = Prisma.AccountPlanGetPayload<{ include: typeof planInclude }>;

/** Prices as strings: exact, and superjson needs no Decimal support. */
export function serializePlan(plan: PlanRow) {
  return {
    ...plan,
    setupFee: plan.setupFee.toString(),
    bands: plan.bands.map((b) => ({ id: b.id, minQuantity: b.minQuantity, maxQuantity: b.maxQuantity, monthlyPrice: b.monthlyPrice.toString(), label: bandLabel(b) })),
  };
}

/** The partner's plan or NOT_FOUND; pass the transaction so later writes see the same row. */
export async function requirePlan(tx: Tx | typeof db, partnerId: string, id: string) {
  const plan = await tx.accountPlan.findFirst({ where: { id, partnerId }, include: planInclude });
  if (!plan) throw new AppError("NOT_FOUND", "That account plan does not exist.");
  return plan;
}

/**
 * Makes `id` the only default for its type. The partner row is locked first so concurrent
 * switches run one after another instead of leaving two defaults (or deadlocking).
 */
async function makeOnlyDefault(tx: Tx, partnerId: string, id: string, accountType: TAccountType) {
  await tx.$queryRaw`SELECT 1 FROM "Partner" WHERE "id" = ${partnerId} FOR UPDATE`;
  await tx.accountPlan.updateMany({ where: { partnerId, accountType, isDefault: true, id: { not: id } }, data: { isDefault: false } });
  await tx.accountPlan.update({ where: { id }, data: { isDefault: true } });
}

const bandRows = (bands: TCreatePlanInput["bands"]) =>
  bands.map((b) => ({ minQuantity: b.minQuantity, maxQuantity: b.maxQuantity, monthlyPrice: b.monthlyPrice }));

export async function findAccountPlans({ partnerId }: PartnerScope, accountType?: TAccountType) {
  const plans = await db.accountPlan.findMany({
    where: { partnerId, ...(accountType ? { accountType } : {}) },
    include: planInclude,
    orderBy: [{ accountType: "asc" }, { isDefault: "desc" }, { name: "asc" }],
  });
  return plans.map(serializePlan);
}

export async function getAccountPlan({ partnerId }: PartnerScope, id: string) {
  return serializePlan(await requirePlan(db, partnerId, id));
}

/** A partner's first general plan of a type becomes its default: customers must be able to buy. */
export async function createAccountPlan({ partnerId, actor }: PartnerScope, input: TCreatePlanInput) {
  return db.$transaction(async (tx) => {
    const isFirst = (await tx.accountPlan.count({ where: { partnerId, accountType: input.accountType, tenantId: null } })) === 0;
    const plan = await tx.accountPlan.create({
      data: { partnerId, name: input.name, accountType: input.accountType, currency: input.currency, setupFee: input.setupFee, bands: { create: bandRows(input.bands) } },
    });
    if (input.isDefault || isFirst) await makeOnlyDefault(tx, partnerId, plan.id, input.accountType);
    await recordAudit(tx, actor, { action: "accountPlan.create", entityType: "AccountPlan", entityId: plan.id, partnerId, details: { ...input, isDefault: input.isDefault || isFirst } });
    return serializePlan(await requirePlan(tx, partnerId, plan.id));
  });
}

/** Replaces name, currency, setup fee and all bands. Existing accounts keep their price until re-priced. */
export async function updateAccountPlan({ partnerId, actor }: PartnerScope, input: TUpdatePlanInput) {
  return db.$transaction(async (tx) => {
    const before = serializePlan(await requirePlan(tx, partnerId, input.id));
    await tx.accountPlanBand.deleteMany({ where: { planId: input.id } });
    await tx.accountPlan.update({
      where: { id: input.id },
      data: { name: input.name, currency: input.currency, setupFee: input.setupFee, bands: { create: bandRows(input.bands) } },
    });
    const after = serializePlan(await requirePlan(tx, partnerId, input.id));
    await recordAudit(tx, actor, {
      action: "accountPlan.update", entityType: "AccountPlan", entityId: input.id, partnerId,
      details: { before: { name: before.name, currency: before.currency, setupFee: before.setupFee, bands: before.bands.map(({ id: _id, ...b }) => b) }, after: { ...input } },
    });
    return after;
  });
}

/** Refuses (CONFLICT) to delete a default plan: customers on it could no longer buy accounts. */
export async function deleteAccountPlan({ partnerId, actor }: PartnerScope, id: string) {
  return db.$transaction(async (tx) => {
    const plan = await requirePlan(tx, partnerId, id);
    if (plan.isDefault) {
      throw new AppError("CONFLICT", `This is the default plan for ${ACCOUNT_TYPE_LABELS[plan.accountType].toLowerCase()}s. Make another plan the default first.`);
    }
    await tx.accountPlan.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "accountPlan.delete", entityType: "AccountPlan", entityId: id, partnerId, tenantId: plan.tenantId, details: { name: plan.name } });
    return { id };
  });
}

export async function setDefaultAccountPlan({ partnerId, actor }: PartnerScope, id: string) {
  return db.$transaction(async (tx) => {
    const plan = await requirePlan(tx, partnerId, id);
    if (plan.tenantId) throw new AppError("CONFLICT", `This plan belongs to ${plan.tenant?.name ?? "one customer"}; unassign it before making it the default.`);
    await makeOnlyDefault(tx, partnerId, id, plan.accountType);
    await recordAudit(tx, actor, { action: "accountPlan.setDefault", entityType: "AccountPlan", entityId: id, partnerId, details: { name: plan.name, accountType: plan.accountType } });
    return serializePlan(await requirePlan(tx, partnerId, id));
  });
}
