import { getToken, type JWT } from "next-auth/jwt";

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
 * The cookie name follows Auth.js's rule: `__Secure-` when the request URL is https, which
 * without AUTH_URL (not part of server/env.js) it takes from X-Forwarded-Proto, else https. A
 * plain-HTTP cookie planted on an HTTPS site is therefore ignored here as it is by Auth.js.
 */
export async function readSessionToken(headers: Headers, secret: string): Promise<SessionToken | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const isSecure = (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
  // Only the cookie is passed on: getToken would also take an Authorization: Bearer token,
  // which this app never hands out.
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: isSecure });
  const at = token ? signedInAt(token) : undefined;
  if (!token?.sub || at === undefined) return null;
  return { userId: token.sub, signedInAt: new Date(at * 1000) };
}
