import { hashPassword } from "../../auth/password";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;
type AdminFields = { adminName: string; adminEmail: string; adminPassword: string };

/**
 * Creates an administrator inside the caller's transaction. The email check gives a field
 * message; the unique index still decides if two requests race.
 */
export async function createAdminUser(
  tx: Tx,
  fields: AdminFields,
  owner: { role: "CUSTOMER_ADMIN"; tenantId: string } | { role: "PARTNER_ADMIN"; partnerId: string },
  passwordHash?: string,
) {
  const taken = await tx.user.findUnique({ where: { email: fields.adminEmail }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "That email address already has an account.", { fieldErrors: { adminEmail: "This email already has an account" } });
  return tx.user.create({
    data: {
      name: fields.adminName,
      email: fields.adminEmail,
      passwordHash: passwordHash ?? (await hashPassword(fields.adminPassword)),
      ...owner,
    },
    select: { id: true, email: true, name: true, role: true },
  });
}
