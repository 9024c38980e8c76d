import type { JWT } from "next-auth/jwt";

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
