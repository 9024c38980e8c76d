import "server-only";
import NextAuth from "next-auth";
import { cache } from "react";
import { authConfig } from "./config";
import { loadSessionUser, type SessionUser } from "./session-user";

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);

/** The signed-in user for this request (database-backed), or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as ({ userId?: string; issuedAt?: number } & object) | null;
  if (!session?.userId) return null;
  return loadSessionUser(session.userId, session.issuedAt ? new Date(session.issuedAt * 1000) : undefined);
});
