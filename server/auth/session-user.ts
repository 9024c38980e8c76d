import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { formatSettingsOf } from "@/components/format/settings";
import type { FormatSettings } from "@/components/format/formatter";

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
  /** The partner's locale and the tenant's time zone (the partner's own for staff). */
  format: FormatSettings;
};

/** Which sign-in a request's session is: its id (`sid`) and when it happened. */
export type SessionClaims = { sessionId: string; signedInAt: Date };

// Everything a session depends on. The trigger in prisma/migrations/*_session_user_notify
// announces every change to these User, Tenant and Partner rows (session-user-cache.ts), and
// the one in *_revoked_sessions every sign-out, as a change of its User.
const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  partnerId: true,
  tenantId: true,
  sessionsValidFrom: true,
  tenant: { select: { name: true, status: true, partnerId: true, timeZone: true, partner: { select: { locale: true } } } },
  partner: { select: { name: true, locale: true, timeZone: true } },
  // Signed-out sessions not yet purged: few, since each sign-out purges the expired ones.
  revokedSessions: { select: { sessionId: true } },
} satisfies Prisma.UserSelect;

/** A user row as the session rules need it; null when there is no such user. */
export type SessionUserRecord = Prisma.UserGetPayload<{ select: typeof SESSION_USER_SELECT }>;

export function readSessionUserRecord(userId: string): Promise<SessionUserRecord | null> {
  return db.user.findUnique({ where: { id: userId }, select: SESSION_USER_SELECT });
}

const READ_MANY_CHUNK = 1_000;

/** Several users' records at once, by id; ids with no user are absent from the map. */
export async function readSessionUserRecords(userIds: readonly string[]): Promise<Map<string, SessionUserRecord>> {
  const records = new Map<string, SessionUserRecord>();
  for (let i = 0; i < userIds.length; i += READ_MANY_CHUNK) {
    const ids = userIds.slice(i, i + READ_MANY_CHUNK);
    for (const record of await db.user.findMany({ where: { id: { in: ids } }, select: SESSION_USER_SELECT })) records.set(record.id, record);
  }
  return records;
}

/**
 * The session rules (pure): unknown users, users of a suspended tenant, sessions issued
 * before `sessionsValidFrom` (password change) and signed-out sessions get null. Without
 * `session` (a check of the user alone, as at sign-in) only the user's own state counts.
 */
export function toSessionUser(user: SessionUserRecord | null, session?: SessionClaims): SessionUser | null {
  if (!user) return null;
  if (user.tenant && user.tenant.status !== "ACTIVE") return null;
  // signedInAt has milliseconds (config.ts), so a sign-in made just before a password change,
  // even in the same second, is refused. A token from before that, stamped in whole seconds,
  // that signed in within the second after a change is refused too: the safe side.
  if (session && session.signedInAt.getTime() < user.sessionsValidFrom.getTime()) return null;
  if (session && user.revokedSessions.some((revoked) => revoked.sessionId === session.sessionId)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partnerId ?? user.tenant?.partnerId ?? null,
    tenantId: user.tenantId,
    tenantName: user.tenant?.name ?? null,
    partnerName: user.partner?.name ?? null,
    format: user.tenant
      ? formatSettingsOf({ locale: user.tenant.partner.locale, timeZone: user.tenant.timeZone })
      : formatSettingsOf({ locale: user.partner?.locale, timeZone: user.partner?.timeZone }),
  };
}

/**
 * Loads a user who may be signed in right now, straight from the database, or null (see
 * toSessionUser). Requests go through the cache in session-user-cache.ts instead.
 */
export async function loadSessionUser(userId: string, session?: SessionClaims): Promise<SessionUser | null> {
  return toSessionUser(await readSessionUserRecord(userId), session);
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role) {
  return role === "PLATFORM_ADMIN" || role === "PARTNER_ADMIN" ? "/admin" : "/";
}
