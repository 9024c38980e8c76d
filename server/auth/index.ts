import "server-only";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "../env.js";
import { authConfig } from "./config";
import { readSessionToken } from "./session-token";
import { loadSessionUser, type SessionUser } from "./session-user";

// No `auth()`: it encrypts a new session token on every call only to discard it. The session
// is read by readSessionToken() instead (session-token.ts says why that is equivalent).
export const { handlers, signIn, signOut } = NextAuth(authConfig);

/** The signed-in user for this request (database-backed), or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken(await headers(), env.AUTH_SECRET);
  return token ? loadSessionUser(token.userId, token.signedInAt) : null;
});
