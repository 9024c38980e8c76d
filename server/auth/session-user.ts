import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
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

// Everything a session depends on. The trigger in prisma/migrations/*_session_user_notify
// announces every change to these User, Tenant and Partner rows (session-user-cache.ts).
const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  partnerId: true,
  tenantId: true,
  sessionsValidFrom: true,
  tenant: { select: { name: true, status: true, partnerId: true } },
  partner: { select: { name: true } },
} satisfies Prisma.UserSelect;

/** A user row as the session rules need it; null when there is no such user. */
export type SessionUserRecord = Prisma.UserGetPayload<{ select: typeof SESSION_USER_SELECT }>;

export function readSessionUserRecord(userId: string): Promise<SessionUserRecord | null> {
  return db.user.findUnique({ where: { id: userId }, select: SESSION_USER_SELECT });
}

/**
 * The session rules (pure): unknown users, users of a suspended tenant, and sessions issued
 * before `sessionsValidFrom` (password change) get null.
 */
export function toSessionUser(user: SessionUserRecord | null, sessionIssuedAt?: Date): SessionUser | null {
  if (!user) return null;
  if (user.tenant && user.tenant.status !== "ACTIVE") return null;
  // JWT times have one-second resolution; allow the same second as the change.
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

/**
 * Loads a user who may be signed in right now, straight from the database, or null (see
 * toSessionUser). Requests go through the cache in session-user-cache.ts instead.
 */
export async function loadSessionUser(userId: string, sessionIssuedAt?: Date): Promise<SessionUser | null> {
  return toSessionUser(await readSessionUserRecord(userId), sessionIssuedAt);
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role) {
  return role === "PLATFORM_ADMIN" || role === "PARTNER_ADMIN" ? "/admin" : "/";
}
