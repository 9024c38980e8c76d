import { db } from "../../db";
import { hashPassword } from "../../auth/password";
import { AppError } from "../../errors";
import { recordAudit, type Actor } from "../audit/service";
import { createAdminUser } from "./first-admin";
import type { TCreatePartnerAdminInput, TCreatePartnerInput } from "./schema";

export function findPartners() {
  return db.partner.findMany({
    select: {
      id: true, name: true, createdAt: true,
      _count: { select: { tenants: true } },
      users: { select: { id: true, name: true, email: true, lastSignInAt: true }, orderBy: { name: "asc" } },
    },
    orderBy: { name: "asc" },
  });
}

/** Creates a partner and its first administrator in one transaction. */
export async function createPartner(actor: Actor, input: TCreatePartnerInput) {
  const passwordHash = await hashPassword(input.adminPassword);
  return db.$transaction(async (tx) => {
    const clash = await tx.partner.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
    if (clash) throw new AppError("CONFLICT", "A partner with that name exists.", { fieldErrors: { name: "A partner with this name exists" } });
    const partner = await tx.partner.create({ data: { name: input.name, locale: input.locale, timeZone: input.timeZone }, select: { id: true, name: true, locale: true, timeZone: true } });
    const admin = await createAdminUser(tx, input, { role: "PARTNER_ADMIN", partnerId: partner.id }, passwordHash);
    await recordAudit(tx, actor, { action: "partner.create", entityType: "Partner", entityId: partner.id, partnerId: partner.id, details: { name: partner.name, locale: partner.locale, timeZone: partner.timeZone } });
    await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: admin.id, partnerId: partner.id, details: { email: admin.email, role: admin.role } });
    return { ...partner, admin };
  });
}

export async function createPartnerAdmin(actor: Actor, input: TCreatePartnerAdminInput) {
  const passwordHash = await hashPassword(input.adminPassword);
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } });
    if (!partner) throw new AppError("NOT_FOUND", "That partner does not exist.");
    const admin = await createAdminUser(tx, input, { role: "PARTNER_ADMIN", partnerId: partner.id }, passwordHash);
    await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: admin.id, partnerId: partner.id, details: { email: admin.email, role: admin.role } });
    return admin;
  });
}
