import NextAuth from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { env } from "@/server/env.js";
import { authConfig, SESSION_MAX_AGE_SECONDS } from "./config";
import { readSessionToken } from "./session-token";

const COOKIE = "authjs.session-token"; // the name (and key salt) over plain HTTP
const { handlers } = NextAuth(authConfig);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("[AUTH] session token", () => {
  it("keeps the sign-in time when Auth.js re-issues the cookie, so a refresh cannot outlive a password change", async () => {
    const hourAgo = nowSeconds() - 3600;
    const token = await encode({ token: { sub: "user-1", sid: "session-1", signedInAt: hourAgo }, secret: env.AUTH_SECRET, salt: COOKIE });
    const res = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie: `${COOKIE}=${token}` } }));

    const reissued = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))?.split(";")[0]?.slice(COOKIE.length + 1);
    const payload = await decode({ token: reissued, secret: env.AUTH_SECRET, salt: COOKIE });
    expect(payload?.iat).toBeGreaterThanOrEqual(nowSeconds() - 5); // Auth.js stamps a fresh iat...
    expect(payload?.signedInAt).toBe(hourAgo); // ...but the sign-in time travels unchanged
    expect(payload?.sid).toBe("session-1"); // and so does the session's id, for sign-out
    expect(((await res.json()) as { issuedAt: number }).issuedAt).toBe(hourAgo);
    const session = await readSessionToken(new Headers({ cookie: `${COOKIE}=${reissued}`, "x-forwarded-proto": "http" }), env.AUTH_SECRET, SESSION_MAX_AGE_SECONDS);
    expect(session?.signedInAt).toEqual(new Date(hourAgo * 1000));
  });

  it("stamps the sign-in time and a new session id when the user signs in", async () => {
    const jwt = authConfig.callbacks.jwt as (args: { token: object; user?: { id: string } }) => Promise<Record<string, unknown>> | Record<string, unknown>;
    const token = await jwt({ token: {}, user: { id: "user-1" } });
    expect(token).toMatchObject({ sub: "user-1", sid: expect.stringMatching(/^[\w-]{24}$/) });
    expect(Math.abs((token.signedInAt as number) - nowSeconds())).toBeLessThanOrEqual(1);
    expect((await jwt({ token: {}, user: { id: "user-1" } })).sid).not.toBe(token.sid);
  });

  it("clears, rather than re-issues, a cookie past its session's fixed end", async () => {
    const pastEnd = nowSeconds() - SESSION_MAX_AGE_SECONDS - 60;
    // A fresh exp, as an earlier re-issue would have given it: only the sign-in time says it is over.
    const token = await encode({ token: { sub: "user-1", sid: "session-2", signedInAt: pastEnd }, secret: env.AUTH_SECRET, salt: COOKIE });
    const res = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie: `${COOKIE}=${token}` } }));
    expect(await res.json()).toBeNull();
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))).toMatch(/^authjs\.session-token=;/);
  });
});
