import { createHash, randomBytes } from "node:crypto";
import { decode, getToken, type JWT } from "next-auth/jwt";
import type { SessionClaims } from "./session-user";

/**
 * When the person signed in (seconds since the epoch, with milliseconds since the `sid` claim
 * came), as the session token carries it.
 *
 * Not `iat`: Auth.js gives every token it re-encodes a fresh `iat`, and GET /api/auth/session
 * re-encodes the cookie it is sent. Compared with `iat`, a session from before a password
 * change (`User.sessionsValidFrom`) could refresh itself past that change. So the jwt callback
 * stamps `signedInAt` at sign-in and carries it through every re-encoding; a token from before
 * the claim existed falls back to its own `iat`.
 */
export function signedInAt(token: JWT): number | undefined {
  const claim = token.signedInAt ?? token.iat;
  return typeof claim === "number" ? claim : undefined;
}

/** A fresh id for one sign-in: the `sid` claim, which a sign-out revokes (revoked-sessions.ts). */
export const newSessionId = () => randomBytes(18).toString("base64url");

/**
 * The id of the sign-in a token belongs to; every re-encoding of its cookie keeps it. Tokens
 * from before `sid` existed are named by who signed in and when (no `sid` contains "@").
 */
export function sessionIdOf(token: JWT): string | undefined {
  if (typeof token.sid === "string" && token.sid) return token.sid;
  const at = signedInAt(token);
  return token.sub && at !== undefined ? `${token.sub}@${at}` : undefined;
}

// How far past `exp` Auth.js's decode still accepts a token.
const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * The last moment (seconds since the epoch) at which any copy of a session's cookie is
 * accepted: `maxAgeSeconds` after sign-in, with Auth.js's clock tolerance. GET
 * /api/auth/session re-issues a cookie with a later `exp`, so `exp` alone would let a session
 * (a revoked one too, once its row is purged) live on; this bound does not move.
 */
export function sessionEndsAt(signedInAtSeconds: number, maxAgeSeconds: number): number {
  return signedInAtSeconds + maxAgeSeconds + CLOCK_TOLERANCE_SECONDS;
}

/** Who a request's session cookie says signed in, which sign-in it is, and when it ends. */
export type SessionToken = SessionClaims & { userId: string; expiresAt: Date };

// Auth.js's default session cookie name; "__Secure-" prefixed over HTTPS. It also salts the key.
const SESSION_COOKIE = "authjs.session-token";
const MAX_VERIFIED = 10_000;

type VerifiedToken = SessionClaims & { userId: string; exp: number; signedInAtSeconds: number };
// Tokens this process has decrypted, by a hash of secret, cookie name and token. Decryption is
// a pure function of those three, so a token seen again needs only its expiry checked: the
// cost of a signed-in request is then that of a signed-out one.
const verified = new Map<string, VerifiedToken>();

/**
 * Reads the request's Auth.js session cookie: decrypts it, checks its expiry (the earlier of
 * its `exp` and `maxAgeSeconds` after sign-in, see sessionEndsAt) and returns who signed in,
 * when, and the session's id; null for no cookie, or one that is forged, expired or has no
 * subject. Whether the session was revoked is the session user's to say (toSessionUser).
 *
 * This stands in for `auth()`, which runs Auth.js's whole session action on every call: decrypt,
 * callbacks, then encrypt a new token with a later expiry for a Set-Cookie header, which
 * `auth()` in a route handler or server component throws away.
 *
 * A token this process has read before is not decrypted again (see `verified`); its expiry is.
 *
 * The cookie name follows Auth.js's rule: `__Secure-` when the request URL is https, which
 * without AUTH_URL (not part of server/env.js) it takes from X-Forwarded-Proto, else https. A
 * plain-HTTP cookie planted on an HTTPS site is therefore ignored here as it is by Auth.js.
 */
export async function readSessionToken(headers: Headers, secret: string, maxAgeSeconds: number): Promise<SessionToken | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const isSecure = (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
  const name = isSecure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE;
  // Only the cookie is passed on: getToken would also take an Authorization: Bearer token,
  // which this app never hands out. `raw` joins a chunked cookie without decrypting it.
  const token = await getToken({ req: { headers: { cookie } }, secret, cookieName: name, raw: true });
  if (!token) return null;
  const key = createHash("sha256").update(`${secret}\0${name}\0${token}`).digest("base64url");
  const session = verified.get(key) ?? (await verify(token, secret, name, key));
  if (!session) return null;
  const endsAt = Math.min(session.exp + CLOCK_TOLERANCE_SECONDS, sessionEndsAt(session.signedInAtSeconds, maxAgeSeconds));
  if (Date.now() / 1000 >= endsAt) {
    verified.delete(key);
    return null;
  }
  return { userId: session.userId, sessionId: session.sessionId, signedInAt: session.signedInAt, expiresAt: new Date(endsAt * 1000) };
}

async function verify(token: string, secret: string, salt: string, key: string): Promise<VerifiedToken | null> {
  const payload = await decode({ token, secret, salt }).catch(() => null);
  const at = payload ? signedInAt(payload) : undefined;
  const sessionId = payload ? sessionIdOf(payload) : undefined;
  if (!payload?.sub || at === undefined || !sessionId || typeof payload.exp !== "number") return null;
  const session = { userId: payload.sub, sessionId, signedInAt: new Date(Math.round(at * 1000)), signedInAtSeconds: at, exp: payload.exp };
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  verified.set(key, session);
  return session;
}
