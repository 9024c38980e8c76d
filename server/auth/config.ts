import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "../env.js";
import { verifyCredentials } from "./credentials";
import { readClientAddress } from "../web/client-address-header";
import { SignInRefused } from "./sign-in-error";
import { signedInAt } from "./session-token";

const ZCredentials = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) });

export const authConfig = {
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Credentials sign-in needs JWT sessions; every request still checks the user as the
  // database has it (session-user-cache.ts), so suspension and password changes apply at once.
  // A token expires maxAge after sign-in. (Auth.js's `updateAge` throttles database sessions
  // only: it has no effect on JWT sessions, so it is not set.)
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
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
      if (user?.id) return { ...token, sub: user.id, signedInAt: Math.floor(Date.now() / 1000) };
      return { ...token, signedInAt: signedInAt(token) }; // kept through every re-encoding
    },
    session({ session, token }) {
      // Only the ids travel; role and tenant come from the database on each request.
      return { ...session, userId: token.sub, issuedAt: signedInAt(token) ?? 0 };
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
