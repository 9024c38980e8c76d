import "server-only";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { databaseEnv } from "../env-database";
import { env } from "../env.js";
import { authConfig } from "./config";
import { readSessionToken } from "./session-token";
import { SessionUserCache } from "./session-user-cache";
import type { SessionUser } from "./session-user";

// No `auth()`: it encrypts a new session token on every call only to discard it. The session
// is read by readSessionToken() instead (session-token.ts says why that is equivalent).
export const { handlers, signIn, signOut } = NextAuth(authConfig);

// One cache (and one LISTEN connection) per process, kept on globalThis because Next's dev
// server re-evaluates modules on change. Made on the first lookup, which also connects it.
const globalForCache = globalThis as unknown as { sessionUserCache?: SessionUserCache };
const sessionUsers = () =>
  (globalForCache.sessionUserCache ??= new SessionUserCache({
    connectionString: databaseEnv().DATABASE_URL,
    log: (message, err) => console.warn(`[auth] ${message}`, err ?? ""),
  }));

/** The signed-in user for this request (database-backed, see session-user-cache.ts), or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken(await headers(), env.AUTH_SECRET);
  return token ? sessionUsers().lookup(token.userId, token.signedInAt) : null;
});
