/**
 * Server-side sign-out. A JWT session lives in its cookie, and clearing the cookie in one
 * browser does nothing to a copy of it elsewhere; so a sign-out records the session's id, and
 * every request refuses a session whose id its user has on record (toSessionUser).
 *
 * Only that session ends: signing out on one device leaves the person's other devices signed
 * in (a password change is what ends them all: User.sessionsValidFrom).
 *
 * The insert's trigger announces the sign-out as a change of its user (migration
 * *_revoked_sessions), so each web process's session cache drops it and open event streams of
 * that session end (session-watch.ts), all at commit.
 *
 * A row is kept until no copy of its session's cookie can be accepted any more
 * (sessionEndsAt: a fixed time after sign-in), then deleted by whichever sign-out comes next.
 */
import type { JWT } from "next-auth/jwt";
import { db } from "../db";
import { sessionEndsAt, sessionIdOf, signedInAt } from "./session-token";

/**
 * Revokes the session `token` belongs to (Auth.js's events.signOut hands it over). A token
 * that names no session, or one already past its end, needs nothing. Idempotent.
 * Throws when the database cannot record it.
 */
export async function revokeSession(token: JWT, maxAgeSeconds: number): Promise<void> {
  const userId = token.sub;
  const sessionId = sessionIdOf(token);
  const at = signedInAt(token);
  if (!userId || !sessionId || at === undefined) return;
  const expiresAt = new Date(sessionEndsAt(at, maxAgeSeconds) * 1000);
  const now = new Date();
  if (expiresAt <= now) return;
  await db.$transaction(async (tx) => {
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lte: now } } });
    // A removed user has no sessions left to end (and no row to hang this one on).
    if ((await tx.user.count({ where: { id: userId } })) === 0) return;
    await tx.revokedSession.createMany({ data: [{ sessionId, userId, expiresAt }], skipDuplicates: true });
  });
}
