import { db } from "../db";
import type { Role } from "../generated/prisma/enums";

/** The signed-in person as every request sees them: read from the database, never the token. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  tenantId: string | null;
  tenantName: string | null;
  partnerName: string | null;
};

/**
 * Loads a user who may be signed in right now, or null: unknown users, users of a suspended
 * tenant, and sessions issued before `sessionsValidFrom` (password change) are refused.
 */
export async function loadSessionUser(userId: string, sessionIssuedAt?: Date): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { tenant: { select: { name: true, status: true, partnerId: true } }, partner: { select: { name: true } } },
  });
  if (!user) return null;
  if (user.tenant && user.tenant.status !== "ACTIVE") return null;
  // JWT iat has one-second resolution; allow the same second as the change.
  if (sessionIssuedAt && sessionIssuedAt.getTime() < Math.floor(user.sessionsValidFrom.getTime() / 1000) * 1000) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partnerId ?? user.tenant?.partnerId ?? null,
    tenantId: user.tenantId,
    tenantName: user.tenant?.name ?? null,
    partnerName: user.partner?.name ?? null,
  };
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role) {
  return role === "PLATFORM_ADMIN" || role === "PARTNER_ADMIN" ? "/admin" : "/";
}
