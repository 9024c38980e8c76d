import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { signInCookie, signOutCookie } from "@/tests/fixtures/auth-http";
import { TEST_PASSWORD, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { sendToAuth, webSessions, type WebSessions } from "@/tests/fixtures/web-sessions";
import { SESSION_MAX_AGE_SECONDS } from "./config";

const COOKIE = "authjs.session-token"; // over plain HTTP
const sessionCookieOf = (cookie: string) => cookie.split("; ").find((c) => c.startsWith(`${COOKIE}=`))!;

describe("[AUTH] sign-out ends that session on the server", () => {
  let web: WebSessions;
  const others: WebSessions[] = [];
  beforeAll(async () => {
    web = webSessions();
    await web.users.ready();
  });
  afterAll(() => Promise.all([web, ...others].map((s) => s.close())));

  async function seedUser() {
    const { partner } = await seedPartner();
    return (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).admin;
  }
  const me = async (sessions: WebSessions, cookie: string) => {
    const res = await sessions.trpcGet("account.me", cookie);
    return { status: res.status, id: res.ok ? ((await res.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id : null };
  };

  it("answers 401 to a copy of the signed-out cookie, while the same user's other session still works", async () => {
    const user = await seedUser();
    const [signingOut, staying] = [await signInCookie(sendToAuth, user.email, TEST_PASSWORD), await signInCookie(sendToAuth, user.email, TEST_PASSWORD)];
    expect(await me(web, signingOut)).toEqual({ status: 200, id: user.id });
    expect(await me(web, staying)).toEqual({ status: 200, id: user.id }); // both now cached

    const heard = web.users.changeApplied("User", user.id);
    await signOutCookie(sendToAuth, signingOut);
    await heard;
    expect(await me(web, signingOut)).toEqual({ status: 401, id: null });
    expect(await me(web, staying)).toEqual({ status: 200, id: user.id });

    // Another web process, which never cached this user, reads the same from the database.
    const cold = webSessions();
    others.push(cold);
    expect(await me(cold, signingOut)).toEqual({ status: 401, id: null });
    expect(await me(cold, staying)).toEqual({ status: 200, id: user.id });
  });

  it("revokes copies the session endpoint re-issued, as they carry the same session id", async () => {
    const user = await seedUser();
    const cookie = await signInCookie(sendToAuth, user.email, TEST_PASSWORD);
    const res = await sendToAuth("/api/auth/session", { headers: { cookie } });
    const reissued = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!.split(";")[0]!;
    expect(reissued).not.toBe(sessionCookieOf(cookie)); // a new token, with a later expiry
    expect((await me(web, reissued)).status).toBe(200);

    const heard = web.users.changeApplied("User", user.id);
    await signOutCookie(sendToAuth, cookie);
    await heard;
    expect((await me(web, reissued)).status).toBe(401);
  });

  it("keeps the revocation until every copy of the cookie has expired, is idempotent, and purges expired ones", async () => {
    const user = await seedUser();
    const stale = await db.revokedSession.create({ data: { sessionId: `stale-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() - 1_000) } });
    const cookie = await signInCookie(sendToAuth, user.email, TEST_PASSWORD);
    const signedInAt = Date.now();
    await signOutCookie(sendToAuth, cookie);
    await signOutCookie(sendToAuth, cookie); // a second browser holding a copy signs out too

    const rows = await db.revokedSession.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.sessionId)).not.toContain(stale.sessionId);
    expect(rows).toHaveLength(1);
    // Sign-in time plus the session's lifetime (and Auth.js's 15 s clock tolerance), to the second.
    expect(Math.abs(rows[0]!.expiresAt.getTime() - (signedInAt + (SESSION_MAX_AGE_SECONDS + 15) * 1000))).toBeLessThan(2_000);
  });

  it("signs out a cookie whose user is gone without failing", async () => {
    const user = await seedUser();
    const cookie = await signInCookie(sendToAuth, user.email, TEST_PASSWORD);
    await db.user.delete({ where: { id: user.id } });
    await signOutCookie(sendToAuth, cookie); // redirected and the cookie cleared, as ever
    expect(await db.revokedSession.count({ where: { userId: user.id } })).toBe(0);
  });
});
