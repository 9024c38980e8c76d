import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "../env.js";
import { verifyCredentials } from "./credentials";
import { readClientAddress } from "../web/client-address-header";
import { SignInRefused } from "./sign-in-error";
import { revokeSession } from "./revoked-sessions";
import { newSessionId, sessionEndsAt, signedInAt } from "./session-token";
import { singleLine } from "../validation/text";

const ZCredentials = z.object({ email: singleLine().pipe(z.email().max(254)), password: singleLine({ trim: false }).min(1).max(200) });

/** How long a session lasts after sign-in, whichever copy of its cookie is presented. */
export const SESSION_MAX_AGE_SECONDS = env.SESSION_MAX_AGE_HOURS * 3600;

export const authConfig = {
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Credentials sign-in needs JWT sessions; every request still checks the user as the
  // database has it (session-user-cache.ts), so suspension and password changes apply at once.
  // A token expires maxAge after sign-in. (Auth.js's `updateAge` throttles database sessions
  // only: it has no effect on JWT sessions, so it is not set.)
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(unverified, request) {
        const parsed = ZCredentials.safeParse(unverified);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, readClientAddress(request.headers));
        if (!result.ok) throw new SignInRefused(result.reason === "locked" ? `locked:${result.minutes}` : result.reason);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Date.now() / 1000;
      // `sid` names this sign-in, for sign-out to revoke (revoked-sessions.ts). signedInAt keeps
      // milliseconds so that it compares exactly with a password change (session-user.ts).
      if (user?.id) return { ...token, sub: user.id, sid: newSessionId(), signedInAt: now };
      const at = signedInAt(token);
      // GET /api/auth/session re-issues the cookie with a later `exp`; past the session's fixed
      // end it clears the cookie instead, as every request would refuse it anyway.
      if (at === undefined || now >= sessionEndsAt(at, SESSION_MAX_AGE_SECONDS)) return null;
      return { ...token, signedInAt: at }; // sid and signedInAt are kept through every re-encoding
    },
    session({ session, token }) {
      // Only the ids travel; role and tenant come from the database on each request.
      return { ...session, userId: token.sub, issuedAt: signedInAt(token) ?? 0 };
    },
  },
  events: {
    // Auth.js decodes the cookie it is clearing and hands the token over: that session is
    // refused everywhere from now on, not only in this browser. (A failure here is logged by
    // Auth.js, which clears the cookie all the same.)
    async signOut(message) {
      if ("token" in message && message.token) await revokeSession(message.token, SESSION_MAX_AGE_SECONDS);
    },
  },
  logger: {
    // A refused sign-in is expected, not an error worth a stack trace in the log.
    error(error) {
      if (error instanceof SignInRefused || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;
