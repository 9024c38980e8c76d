import { db } from "../../db";
import { hashPassword, verifyPassword } from "../../auth/password";
import { AppError } from "../../errors";
import { recordAudit, type Actor } from "../audit/service";
import type { TChangePasswordInput } from "./schema";

/**
 * Changes the signed-in user's own password. Every session issued before now, this one
 * included, stops working: whoever else knew the old password is signed out too.
 */
export async function changeOwnPassword(actor: Actor & { tenantId: string | null; partnerId: string | null }, input: TChangePasswordInput) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID", "Your current password is not right.", { fieldErrors: { currentPassword: "This is not your current password" } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionsValidFrom: new Date() } });
    await recordAudit(tx, actor, {
      action: "user.password_change", entityType: "User", entityId: actor.id, tenantId: actor.tenantId, partnerId: actor.tenantId ? null : actor.partnerId,
    });
  });
  return { signedOut: true };
}
