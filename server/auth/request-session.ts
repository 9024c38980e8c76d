import { readSessionToken, type SessionToken } from "./session-token";
import type { SessionUserCache } from "./session-user-cache";
import type { SessionUser } from "./session-user";

export type RequestSession = { token: SessionToken; user: SessionUser };

/**
 * A request's session: its cookie read (session-token.ts), then judged against the user as the
 * database has it (session-user-cache.ts); null when signed out, expired, revoked or refused.
 * What getSessionUser() does inside Next's request scope, callable without it.
 */
export async function readRequestSession(
  headers: Headers,
  { secret, maxAgeSeconds, users }: { secret: string; maxAgeSeconds: number; users: SessionUserCache },
): Promise<RequestSession | null> {
  const token = await readSessionToken(headers, secret, maxAgeSeconds);
  if (!token) return null;
  const user = await users.lookup(token.userId, token);
  return user ? { token, user } : null;
}
