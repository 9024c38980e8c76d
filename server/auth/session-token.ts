import { createHash } from "node:crypto";
import { decode, getToken, type JWT } from "next-auth/jwt";

/**
 * When the person signed in (seconds since the epoch), as the session token carries it.
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

/** Who a request's session cookie says signed in, and when. */
export type SessionToken = { userId: string; signedInAt: Date };

// Auth.js's default session cookie name; "__Secure-" prefixed over HTTPS. It also salts the key.
const SESSION_COOKIE = "authjs.session-token";
// How far past `exp` Auth.js's decode still accepts a token.
const CLOCK_TOLERANCE_SECONDS = 15;
const MAX_VERIFIED = 10_000;

type VerifiedToken = SessionToken & { expiresAt: number };
// Tokens this process has decrypted, by a hash of secret, cookie name and token. Decryption is
// a pure function of those three, so a token seen again needs only its expiry checked: the
// cost of a signed-in request is then that of a signed-out one.
const verified = new Map<string, VerifiedToken>();

/**
 * Reads the request's Auth.js session cookie: decrypts it, checks its expiry (`exp`, fixed at
 * sign-in to SESSION_MAX_AGE_HOURS later) and returns who signed in and when; null for no
 * cookie, or one that is forged, expired or has no subject.
 *
 * This stands in for `auth()`, which runs Auth.js's whole session action on every call: decrypt,
 * callbacks, then encrypt a new token with a later expiry for a Set-Cookie header, which
 * `auth()` in a route handler or server component throws away. So expiry is what it was: fixed at
 * sign-in (only GET /api/auth/session, which the portal never calls, slides it).
 *
 * A token this process has read before is not decrypted again (see `verified`); its expiry is.
 *
 * The cookie name follows Auth.js's rule: `__Secure-` when the request URL is https, which
 * without AUTH_URL (not part of server/env.js) it takes from X-Forwarded-Proto, else https. A
 * plain-HTTP cookie planted on an HTTPS site is therefore ignored here as it is by Auth.js.
 */
export async function readSessionToken(headers: Headers, secret: string): Promise<SessionToken | null> {
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
  if (Date.now() / 1000 >= session.expiresAt + CLOCK_TOLERANCE_SECONDS) {
    verified.delete(key);
    return null;
  }
  return { userId: session.userId, signedInAt: session.signedInAt };
}

async function verify(token: string, secret: string, salt: string, key: string): Promise<VerifiedToken | null> {
  const payload = await decode({ token, secret, salt }).catch(() => null);
  const at = payload ? signedInAt(payload) : undefined;
  if (!payload?.sub || at === undefined || typeof payload.exp !== "number") return null;
  const session = { userId: payload.sub, signedInAt: new Date(at * 1000), expiresAt: payload.exp };
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  verified.set(key, session);
  return session;
}
