/**
 * Tariffs are partner data, not tenant data: every query filters by the admin's partnerId, so
 * another partner's tariff reads as NOT_FOUND. Rates live in ./rates-service.ts.
 */
import { db } from "../../db";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { PartnerScope } from "../admin/customers-service";
import { recordAudit } from "../audit/service";
import { RATES_PAGE_SIZE, type TAssignTariffInput, type TCreateTariffInput, type TGetTariffInput, type TUpdateTariffInput } from "./schema";
import { normalizePrefix } from "./domain";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";

type Tx = Prisma.TransactionClient;

/** The partner's tariff or NOT_FOUND; pass the transaction so later writes see the same row. */
export async function requireTariff(tx: Tx | typeof db, partnerId: string, id: string) {
  const tariff = await tx.tariff.findFirst({ where: { id, partnerId } });
  if (!tariff) throw new AppError("NOT_FOUND", "That tariff does not exist.");
  return tariff;
}

/**
 * Makes `id` the only default. The partner row is locked first, so concurrent switches (and
 * creates with isDefault) run one after another: without it two switches deadlock on each
 * other's tariff rows, or both commit and leave two defaults.
 */
async function makeOnlyDefault(tx: Tx, partnerId: string, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Partner" WHERE "id" = ${partnerId} FOR UPDATE`;
  await tx.tariff.updateMany({ where: { partnerId, isDefault: true, id: { not: id } }, data: { isDefault: false } });
  await tx.tariff.update({ where: { id }, data: { isDefault: true } });
}

/**
 * Tells the workers to drop their cached rates for every customer this tariff rates (its own
 * customers, and those on the partner default when it is the default). Sent inside the
 * transaction, so PostgreSQL delivers the NOTIFYs only if the change commits.
 */
export async function notifyTariffCustomers(tx: Tx, partnerId: string, tariff: { id: string; isDefault: boolean }) {
  const tenants = await tx.tenant.findMany({
    where: { partnerId, OR: [{ tariffId: tariff.id }, ...(tariff.isDefault ? [{ tariffId: null }] : [])] },
    select: { id: true },
  });
  for (const { id } of tenants) await notifyDialPlanChanged(tx, id);
}

export function findTariffs({ partnerId }: PartnerScope) {
  return db.tariff.findMany({
    where: { partnerId },
    select: { id: true, name: true, currency: true, isDefault: true, updatedAt: true, _count: { select: { rates: true, tenants: true } } },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
}

export async function getTariff({ partnerId }: PartnerScope, input: TGetTariffInput) {
  const tariff = await requireTariff(db, partnerId, input.id);
  const search = input.prefixSearch ? normalizePrefix(input.prefixSearch) : "";
  const where = { tariffId: tariff.id, ...(search ? { prefix: { startsWith: search } } : {}) };
  const page = input.page ?? 1;
  const [rates, total, customers] = await Promise.all([
    db.tariffRate.findMany({ where, orderBy: { prefix: "asc" }, skip: (page - 1) * RATES_PAGE_SIZE, take: RATES_PAGE_SIZE }),
    db.tariffRate.count({ where }),
    db.tenant.count({ where: { tariffId: tariff.id } }),
  ]);
  // Decimals travel as strings: exact, and superjson needs no Decimal support.
  const rows = rates.map((r) => ({ ...r, ratePerMinute: r.ratePerMinute.toString(), connectFee: r.connectFee.toString() }));
  return { ...tariff, customers, rates: rows, total, page, pageCount: Math.max(1, Math.ceil(total / RATES_PAGE_SIZE)) };
}

export async function createTariff({ partnerId, actor }: PartnerScope, input: TCreateTariffInput) {
  return db.$transaction(async (tx) => {
    // A partner's first tariff is its default: calls must always have a price list to rate by.
    const isFirst = (await tx.tariff.count({ where: { partnerId } })) === 0;
    const tariff = await tx.tariff.create({ data: { partnerId, name: input.name, currency: input.currency } });
    if (input.isDefault || isFirst) {
      await makeOnlyDefault(tx, partnerId, tariff.id);
      // Customers on the partner default are rated by this tariff from now on.
      await notifyTariffCustomers(tx, partnerId, { id: tariff.id, isDefault: true });
    }
    await recordAudit(tx, actor, { action: "tariff.create", entityType: "Tariff", entityId: tariff.id, partnerId, details: { ...input, isDefault: input.isDefault || isFirst } });
    return { ...tariff, isDefault: input.isDefault || isFirst };
  });
}

export async function updateTariff({ partnerId, actor }: PartnerScope, input: TUpdateTariffInput) {
  return db.$transaction(async (tx) => {
    const before = await requireTariff(tx, partnerId, input.id);
    const tariff = await tx.tariff.update({ where: { id: input.id }, data: { name: input.name, currency: input.currency } });
    if (before.currency !== tariff.currency) await notifyTariffCustomers(tx, partnerId, tariff);
    await recordAudit(tx, actor, {
      action: "tariff.update", entityType: "Tariff", entityId: tariff.id, partnerId,
      details: { before: { name: before.name, currency: before.currency }, after: { name: tariff.name, currency: tariff.currency } },
    });
    return tariff;
  });
}

export async function setDefaultTariff({ partnerId, actor }: PartnerScope, id: string) {
  return db.$transaction(async (tx) => {
    const tariff = await requireTariff(tx, partnerId, id);
    await makeOnlyDefault(tx, partnerId, id);
    await notifyTariffCustomers(tx, partnerId, { id, isDefault: true });
    await recordAudit(tx, actor, { action: "tariff.setDefault", entityType: "Tariff", entityId: id, partnerId, details: { name: tariff.name } });
    return { ...tariff, isDefault: true };
  });
}

/**
 * Refuses (CONFLICT) while any customer is rated by the tariff: assigned to it, or relying on
 * it as the partner's default. Deleting would silently leave their calls unrated.
 */
export async function deleteTariff({ partnerId, actor }: PartnerScope, id: string) {
  return db.$transaction(async (tx) => {
    const tariff = await requireTariff(tx, partnerId, id);
    const assigned = await tx.tenant.count({ where: { tariffId: id } });
    if (assigned > 0) throw new AppError("CONFLICT", `${assigned} customer${assigned === 1 ? " uses" : "s use"} this tariff. Assign them another tariff first.`);
    const onDefault = tariff.isDefault ? await tx.tenant.count({ where: { partnerId, tariffId: null } }) : 0;
    if (onDefault > 0) throw new AppError("CONFLICT", `This is the default tariff for ${onDefault} customer${onDefault === 1 ? "" : "s"}. Make another tariff the default first.`);
    await tx.tariff.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "tariff.delete", entityType: "Tariff", entityId: id, partnerId, details: { name: tariff.name } });
    return { id };
  });
}

/** Gives a customer its own tariff, or (null) puts it back on the partner's default. */
export async function assignTariffToCustomer({ partnerId, actor }: PartnerScope, input: TAssignTariffInput) {
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findFirst({ where: { id: input.tenantId, partnerId }, select: { id: true, tariffId: true } });
    if (!tenant) throw new AppError("NOT_FOUND", "That customer does not exist.");
    const tariff = input.tariffId ? await requireTariff(tx, partnerId, input.tariffId) : null;
    await tx.tenant.update({ where: { id: tenant.id }, data: { tariffId: tariff?.id ?? null } });
    await notifyDialPlanChanged(tx, tenant.id);
    await recordAudit(tx, actor, {
      action: "customer.assignTariff", entityType: "Tenant", entityId: tenant.id, partnerId, tenantId: tenant.id,
      details: { from: tenant.tariffId, to: tariff?.id ?? null, tariffName: tariff?.name ?? "partner default" },
    });
    return { tenantId: tenant.id, tariffId: tariff?.id ?? null };
  });
}
