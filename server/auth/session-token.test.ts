import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionToken } from "./session-token";

const SECRET = "unit-tests-only-secret-0123456789abcdefghij";
const MAX_AGE = 12 * 3600;
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const nowSeconds = () => Math.floor(Date.now() / 1000);

const tokenFor = (claims: Record<string, unknown>, opts: { salt?: string; maxAge?: number; secret?: string } = {}) =>
  encode({ token: claims, secret: opts.secret ?? SECRET, salt: opts.salt ?? PLAIN, maxAge: opts.maxAge ?? 3600 });
const request = (cookies: Record<string, string>, extra: Record<string, string> = { "x-forwarded-proto": "http" }) =>
  new Headers({ cookie: Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join("; "), ...extra });

describe("readSessionToken", () => {
  afterEach(() => vi.useRealTimers());

  it("returns who signed in, when (to the millisecond), which session it is and when it ends", async () => {
    const at = nowSeconds() - 600 + 0.123;
    const session = await readSessionToken(request({ [PLAIN]: await tokenFor({ sub: "user-1", sid: "session-1", signedInAt: at }) }), SECRET, MAX_AGE);
    expect(session).toEqual({ userId: "user-1", sessionId: "session-1", signedInAt: new Date(Math.round(at * 1000)), expiresAt: expect.any(Date) });
    expect(session!.signedInAt.getMilliseconds()).toBe(123);
  });

  it("names a session from before session ids by who signed in and when", async () => {
    const at = nowSeconds() - 600;
    const session = await readSessionToken(request({ [PLAIN]: await tokenFor({ sub: "user-1", signedInAt: at }) }), SECRET, MAX_AGE);
    expect(session?.sessionId).toBe(`user-1@${at}`);
  });

  it("ends a session its lifetime after sign-in, however much later a re-issued cookie's exp is", async () => {
    // Both tokens carry a fresh exp (an hour ahead), as GET /api/auth/session hands out.
    const nearEnd = nowSeconds() - MAX_AGE + 60;
    const session = await readSessionToken(request({ [PLAIN]: await tokenFor({ sub: "user-1", sid: "s", signedInAt: nearEnd }) }), SECRET, MAX_AGE);
    expect(session?.expiresAt).toEqual(new Date((nearEnd + MAX_AGE + 15) * 1000));
    const pastEnd = nowSeconds() - MAX_AGE - 20;
    expect(await readSessionToken(request({ [PLAIN]: await tokenFor({ sub: "user-1", sid: "s", signedInAt: pastEnd }) }), SECRET, MAX_AGE)).toBeNull();
  });

  it("takes a token's iat as its sign-in time when it has no signedInAt", async () => {
    const session = await readSessionToken(request({ [PLAIN]: await tokenFor({ sub: "user-1" }) }), SECRET, MAX_AGE);
    expect(Math.abs(session!.signedInAt.getTime() / 1000 - nowSeconds())).toBeLessThanOrEqual(1);
  });

  it("refuses an expired token, a forged one and one without a subject", async () => {
    const expired = await tokenFor({ sub: "user-1" }, { maxAge: -60 });
    const forged = await tokenFor({ sub: "user-1" }, { secret: "someone-elses-secret-0123456789abcdefghij" });
    const anonymous = await tokenFor({ name: "nobody" });
    for (const token of [expired, forged, anonymous, "not-a-jwt"]) expect(await readSessionToken(request({ [PLAIN]: token }), SECRET, MAX_AGE)).toBeNull();
    expect(await readSessionToken(new Headers(), SECRET, MAX_AGE)).toBeNull();
  });

  it("reads only the cookie Auth.js would: __Secure- over HTTPS, the plain one over HTTP", async () => {
    const plain = await tokenFor({ sub: "user-1" });
    const secure = await tokenFor({ sub: "user-2" }, { salt: SECURE });
    expect(await readSessionToken(request({ [PLAIN]: plain }, { "x-forwarded-proto": "https" }), SECRET, MAX_AGE)).toBeNull();
    expect(await readSessionToken(request({ [PLAIN]: plain }, {}), SECRET, MAX_AGE)).toBeNull(); // no header: Auth.js assumes https
    expect(await readSessionToken(request({ [SECURE]: secure, [PLAIN]: plain }, { "x-forwarded-proto": "https" }), SECRET, MAX_AGE)).toMatchObject({ userId: "user-2" });
    expect(await readSessionToken(request({ [SECURE]: secure }), SECRET, MAX_AGE)).toBeNull();
  });

  it("refuses a token it has read before once it expires", async () => {
    const headers = request({ [PLAIN]: await tokenFor({ sub: "user-1" }, { maxAge: 60 }) });
    expect(await readSessionToken(headers, SECRET, MAX_AGE)).toMatchObject({ userId: "user-1" });
    vi.useFakeTimers({ toFake: ["Date"] });
    // Auth.js allows 15 s of clock skew. `exp` has whole seconds, so the token may expire up to
    // 1 s before its 60 s: stay 2 s clear of the edge on both sides.
    vi.setSystemTime(Date.now() + 60_000 + 12_000);
    expect(await readSessionToken(headers, SECRET, MAX_AGE)).toMatchObject({ userId: "user-1" });
    vi.setSystemTime(Date.now() + 5_000);
    expect(await readSessionToken(headers, SECRET, MAX_AGE)).toBeNull();
  });

  it("does not take a token it has read before as valid under another secret or cookie name", async () => {
    const token = await tokenFor({ sub: "user-1" });
    expect(await readSessionToken(request({ [PLAIN]: token }), SECRET, MAX_AGE)).toMatchObject({ userId: "user-1" });
    expect(await readSessionToken(request({ [PLAIN]: token }), "another-secret-0123456789abcdefghijklmnop", MAX_AGE)).toBeNull();
    expect(await readSessionToken(request({ [SECURE]: token }, { "x-forwarded-proto": "https" }), SECRET, MAX_AGE)).toBeNull();
  });

  it("ignores an Authorization: Bearer token", async () => {
    const bearer = await tokenFor({ sub: "user-1" });
    expect(await readSessionToken(request({ other: "1" }, { "x-forwarded-proto": "http", authorization: `Bearer ${bearer}` }), SECRET, MAX_AGE)).toBeNull();
  });
});
