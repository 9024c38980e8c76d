import "server-only";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { databaseEnv } from "../env-database";
import { env } from "../env.js";
import { authConfig, SESSION_MAX_AGE_SECONDS } from "./config";
import { readRequestSession } from "./request-session";
import { SessionUserCache } from "./session-user-cache";
import { SessionWatch, type LiveSession } from "./session-watch";
import type { SessionUser } from "./session-user";

// No `auth()`: it encrypts a new session token on every call only to discard it. The session
// is read by readSessionToken() instead (session-token.ts says why that is equivalent).
export const { handlers, signIn, signOut } = NextAuth(authConfig);

// One cache (and one LISTEN connection) per process, and one watch of open streams riding on
// it, kept on globalThis because Next's dev server re-evaluates modules on change. Made on the
// first lookup, which also connects it.
const globalForAuth = globalThis as unknown as { sessionUserCache?: SessionUserCache; sessionWatch?: SessionWatch };
const log = (message: string, err?: unknown) => console.warn(`[auth] ${message}`, err ?? "");
const sessionUsers = () => (globalForAuth.sessionUserCache ??= new SessionUserCache({ connectionString: databaseEnv().DATABASE_URL, log }));
const sessionWatch = () => (globalForAuth.sessionWatch ??= new SessionWatch(sessionUsers(), { log }));

const requestSession = cache(async () =>
  readRequestSession(await headers(), { secret: env.AUTH_SECRET, maxAgeSeconds: SESSION_MAX_AGE_SECONDS, users: sessionUsers() }),
);

/** The signed-in user for this request (database-backed, see session-user-cache.ts), or null. */
export const getSessionUser = async (): Promise<SessionUser | null> => (await requestSession())?.user ?? null;

/** This request's session for a response that stays open: it can end the response when the session ends. */
export async function getLiveSession(): Promise<LiveSession | null> {
  const session = await requestSession();
  return session && sessionWatch().live(session.token, session.user);
}
