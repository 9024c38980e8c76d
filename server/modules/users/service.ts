import { hashPassword } from "../../auth/password";
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { recordAudit, type Actor } from "../audit/service";
import type { TCreateUserInput, TUpdateUserInput } from "./schema";

const userSelect = { id: true, name: true, email: true, role: true, lastSignInAt: true, createdAt: true } as const;

export function findUsers({ db }: TenantScope) {
  return db.user.findMany({ select: userSelect, orderBy: [{ role: "asc" }, { name: "asc" }] });
}

export async function getUser({ db }: TenantScope, id: string) {
  const user = await db.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  return user;
}

export async function createUser({ db, tenantId }: TenantScope, actor: Actor, input: TCreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, role: input.role, passwordHash, tenantId },
      select: userSelect,
    });
    await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, tenantId, details: { email: user.email, role: user.role } });
    return user;
  });
}

export async function updateUser(scope: TenantScope, actor: Actor, input: TUpdateUserInput) {
  const { db, tenantId } = scope;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: userSelect });
    if (!before) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (before.role === "CUSTOMER_ADMIN" && input.role !== "CUSTOMER_ADMIN") await assertAnotherAdmin(tx, input.id);
    const user = await tx.user.update({
      where: { id: input.id },
      data: { name: input.name, email: input.email, role: input.role },
      select: userSelect,
    });
    await recordAudit(tx, actor, {
      action: "user.update", entityType: "User", entityId: user.id, tenantId,
      details: { before: { name: before.name, email: before.email, role: before.role }, after: { name: user.name, email: user.email, role: user.role } },
    });
    return user;
  });
}

export async function deleteUser({ db, tenantId }: TenantScope, actor: Actor, id: string) {
  if (id === actor.id) throw new AppError("INVALID", "You cannot remove yourself. Ask another administrator.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: userSelect });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (user.role === "CUSTOMER_ADMIN") await assertAnotherAdmin(tx, id);
    await tx.user.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "user.delete", entityType: "User", entityId: id, tenantId, details: { email: user.email } });
    return { id };
  });
}

type ScopedTx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

/** A company must keep at least one administrator, or nobody could manage it. */
async function assertAnotherAdmin(tx: ScopedTx, exceptUserId: string) {
  const others = await tx.user.count({ where: { role: "CUSTOMER_ADMIN", id: { not: exceptUserId } } });
  if (others === 0) throw new AppError("INVALID", "A company needs at least one administrator. Make someone else an administrator first.");
}
