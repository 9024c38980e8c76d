import { db } from "../../db";
import { hashPassword } from "../../auth/password";
import { AppError } from "../../errors";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import type { TenantStatus } from "../../generated/prisma/enums";
import { recordAudit, type Actor } from "../audit/service";
import { createAdminUser } from "./first-admin";
import type { TCreateCustomerAdminInput, TCreateCustomerInput, TUpdateCustomerInput } from "./schema";

/** A partner admin's reach: its own customers only. Another partner's customer is NOT_FOUND. */
export type PartnerScope = { partnerId: string; actor: Actor };

const customerSelect = {
  id: true, name: true, status: true, timeZone: true, createdAt: true, updatedAt: true,
  _count: { select: { users: true } },
} as const;

export function findCustomers({ partnerId }: PartnerScope, search?: string) {
  return db.tenant.findMany({
    where: { partnerId, ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}) },
    select: customerSelect,
    orderBy: { name: "asc" },
  });
}

export async function getCustomer({ partnerId }: PartnerScope, id: string) {
  const customer = await db.tenant.findFirst({
    where: { id, partnerId },
    select: { ...customerSelect, tariffId: true, users: { select: { id: true, name: true, email: true, role: true, lastSignInAt: true }, orderBy: { name: "asc" } } },
  });
  if (!customer) throw new AppError("NOT_FOUND", "That customer does not exist.");
  return customer;
}

/** Creates the company and its first administrator in one transaction: both or neither. */
export async function createCustomer({ partnerId, actor }: PartnerScope, input: TCreateCustomerInput) {
  const passwordHash = await hashPassword(input.adminPassword);
  return db.$transaction(async (tx) => {
    const clash = await tx.tenant.findFirst({ where: { partnerId, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
    if (clash) throw new AppError("CONFLICT", "You already have a customer with that name.", { fieldErrors: { name: "A customer with this name exists" } });
    // A new company lives in its partner's time zone until the partner says otherwise.
    const { timeZone } = await tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { timeZone: true } });
    const tenant = await tx.tenant.create({ data: { name: input.name, partnerId, timeZone }, select: { id: true, name: true } });
    const admin = await createAdminUser(tx, input, { role: "CUSTOMER_ADMIN", tenantId: tenant.id }, passwordHash);
    await recordAudit(tx, actor, { action: "customer.create", entityType: "Tenant", entityId: tenant.id, partnerId, tenantId: tenant.id, details: { name: tenant.name } });
    await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: admin.id, partnerId, tenantId: tenant.id, details: { email: admin.email, role: admin.role } });
    return { ...tenant, admin };
  });
}

export async function updateCustomer(scope: PartnerScope, input: TUpdateCustomerInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.tenant.findFirst({ where: { id: input.id, partnerId: scope.partnerId }, select: { name: true, timeZone: true } });
    if (!before) throw new AppError("NOT_FOUND", "That customer does not exist.");
    const tenant = await tx.tenant.update({ where: { id: input.id }, data: { name: input.name, timeZone: input.timeZone ?? before.timeZone }, select: { id: true, name: true, status: true, timeZone: true } });
    await recordAudit(tx, scope.actor, {
      action: "customer.update", entityType: "Tenant", entityId: tenant.id, partnerId: scope.partnerId, tenantId: tenant.id,
      details: { before, after: { name: tenant.name, timeZone: tenant.timeZone } },
    });
    // Time-based routing reads the zone from the dial plan: the worker reloads it.
    if (before.timeZone !== tenant.timeZone) await notifyDialPlanChanged(tx, tenant.id);
    return tenant;
  });
}

/** Suspending signs the company's users out at their next request (session-user.ts). */
export async function setCustomerStatus(scope: PartnerScope, id: string, status: TenantStatus) {
  return db.$transaction(async (tx) => {
    const before = await tx.tenant.findFirst({ where: { id, partnerId: scope.partnerId }, select: { status: true } });
    if (!before) throw new AppError("NOT_FOUND", "That customer does not exist.");
    const tenant = await tx.tenant.update({ where: { id }, data: { status }, select: { id: true, name: true, status: true } });
    const action = status === "SUSPENDED" ? "customer.suspend" : "customer.activate";
    await recordAudit(tx, scope.actor, { action, entityType: "Tenant", entityId: id, partnerId: scope.partnerId, tenantId: id, details: { from: before.status, to: status } });
    // The worker refuses a suspended company's calls (but emergency calls) from its next call on.
    await notifyDialPlanChanged(tx, id);
    return tenant;
  });
}

export async function createCustomerAdmin(scope: PartnerScope, input: TCreateCustomerAdminInput) {
  const passwordHash = await hashPassword(input.adminPassword);
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findFirst({ where: { id: input.tenantId, partnerId: scope.partnerId }, select: { id: true } });
    if (!tenant) throw new AppError("NOT_FOUND", "That customer does not exist.");
    const admin = await createAdminUser(tx, input, { role: "CUSTOMER_ADMIN", tenantId: tenant.id }, passwordHash);
    await recordAudit(tx, scope.actor, { action: "user.create", entityType: "User", entityId: admin.id, partnerId: scope.partnerId, tenantId: tenant.id, details: { email: admin.email, role: admin.role } });
    return admin;
  });
}
