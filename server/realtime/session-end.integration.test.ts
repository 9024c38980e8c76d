import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newSessionId } from "@/server/auth/session-token";
import { db } from "@/server/db";
import { signInCookie, signOutCookie } from "@/tests/fixtures/auth-http";
import { TEST_PASSWORD, callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { requestHeaders, sendToAuth, webSessions, type WebSessions } from "@/tests/fixtures/web-sessions";
import type { LiveSession } from "../auth/session-watch";
import { createEventsHandler } from "./events-handler";
import { PresenceHub } from "./presence-hub";
import { sseReader } from "./sse-test-reader";

const ENDS_WITHIN_MS = 5_000;
type Stream = ReturnType<typeof sseReader>;

const terminateSessionListeners = () =>
  db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'centrex-web-session-users' AND datname = current_database()`;
const notifyPresence = (tenantId: string, sipAccountId: string) =>
  db.$executeRaw`SELECT pg_notify('presence', ${JSON.stringify({ tenantId, kind: "registration", sipAccountId })})`;

describe("[REALTIME] an open event stream ends with its session", () => {
  let web: WebSessions;
  let hub: PresenceHub;
  const opened: Array<{ abort: AbortController; sessions: WebSessions }> = [];

  beforeAll(async () => {
    web = webSessions();
    await web.users.ready();
    hub = new PresenceHub({ connectionString: process.env.DATABASE_URL! });
    await hub.ready();
  });
  afterAll(async () => {
    for (const { abort } of opened) abort.abort();
    await Promise.all([...new Set(opened.map((o) => o.sessions)), web].map((s) => s.close()));
    await hub.close();
  });

  async function seedWorld() {
    const { partner, admin: partnerAdmin } = await seedPartner();
    return { partnerAdmin, ...(await seedTenant({ partnerId: partner.id, extensionUsers: 2 })) };
  }

  /** GET /api/events as the route runs it, for whatever session `getSession` finds. */
  async function open(getSession: (request: Request) => Promise<LiveSession | null>, sessions = web): Promise<Stream> {
    const abort = new AbortController();
    opened.push({ abort, sessions });
    const res = await createEventsHandler({ hub, getSession })(new Request("http://localhost/api/events", { signal: abort.signal }));
    expect(res.status).toBe(200);
    const sse = sseReader(res.body!);
    expect((await sse.next())?.comments).toEqual(["connected"]);
    expect((await sse.next())?.event).toBe("ready");
    return sse;
  }

  /** Signs in through Auth.js (a session of its own) and opens a stream with that cookie. */
  async function openSignedIn(email: string, sessions = web) {
    const cookie = await signInCookie(sendToAuth, email, TEST_PASSWORD);
    const sse = await open(() => sessions.live(requestHeaders(cookie)), sessions);
    return { cookie, sse };
  }

  /** The stream still delivers: a change announced now for its company arrives. */
  async function stillDelivers(sse: Stream, tenantId: string, sessions = web) {
    await sessions.watch.settled();
    await notifyPresence(tenantId, "no-such-account");
    expect(await sse.nextPresence()).toEqual({ kind: "registration", sipAccountId: "no-such-account", registration: null });
  }

  it("ends every stream of a company within 5 s of its partner suspending it, and no other company's", async () => {
    const [acme, globex] = [await seedWorld(), await seedWorld()];
    const admin = await openSignedIn(acme.admin.email);
    const employee = await openSignedIn(acme.users[0]!.email);
    const other = await openSignedIn(globex.admin.email);

    const partner = await callerFor(acme.partnerAdmin.id);
    await partner.admin.customer.setStatus({ id: acme.tenant.id, status: "SUSPENDED" });
    await Promise.all([admin.sse.ended(ENDS_WITHIN_MS), employee.sse.ended(ENDS_WITHIN_MS)]);
    await stillDelivers(other.sse, globex.tenant.id);
    // And the browser's reconnection is refused.
    expect(await web.live(requestHeaders(admin.cookie))).toBeNull();
  });

  it("ends every stream of a user within 5 s of their password change, and not their colleagues'", async () => {
    const world = await seedWorld();
    const user = world.users[0]!;
    const [first, second] = [await openSignedIn(user.email), await openSignedIn(user.email)];
    const colleague = await openSignedIn(world.admin.email);

    const newPassword = "Another-password-2";
    await (await callerFor(user.id)).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword });
    await Promise.all([first.sse.ended(ENDS_WITHIN_MS), second.sse.ended(ENDS_WITHIN_MS)]);
    await stillDelivers(colleague.sse, world.tenant.id);
  });

  it("ends a stream within 5 s of a role change, but not of a rename", async () => {
    const world = await seedWorld();
    const employee = await openSignedIn(world.users[0]!.email);
    const admin = await openSignedIn(world.admin.email);
    const users = await callerFor(world.admin.id);

    // Promoted: what the stream may show was decided for an extension user.
    await users.user.update({ id: world.users[0]!.id, name: "Promoted", email: world.users[0]!.email, role: "CUSTOMER_ADMIN" });
    expect(await employee.sse.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);

    const renamed = web.users.changeApplied("User", world.admin.id);
    await users.user.update({ id: world.admin.id, name: "Renamed Admin", email: world.admin.email, role: "CUSTOMER_ADMIN" });
    await renamed;
    await stillDelivers(admin.sse, world.tenant.id);
  });

  it("ends the signed-out session's stream within 5 s, and only that session's", async () => {
    const world = await seedWorld();
    const [signingOut, staying] = [await openSignedIn(world.admin.email), await openSignedIn(world.admin.email)];

    await signOutCookie(sendToAuth, signingOut.cookie);
    expect(await signingOut.sse.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);
    await stillDelivers(staying.sse, world.tenant.id);
    expect((await web.trpcGet("account.me", signingOut.cookie)).status).toBe(401);
    expect((await web.trpcGet("account.me", staying.cookie)).status).toBe(200);
  });

  it("ends a removed user's stream within 5 s", async () => {
    const world = await seedWorld();
    const removed = await openSignedIn(world.users[1]!.email);
    await (await callerFor(world.admin.id)).user.delete({ id: world.users[1]!.id });
    expect(await removed.sse.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);
  });

  it("ends a stream when its session token expires", async () => {
    const world = await seedWorld();
    const token = { userId: world.admin.id, sessionId: newSessionId(), signedInAt: new Date(), expiresAt: new Date(Date.now() + 800) };
    const user = await web.users.lookup(token.userId, token);
    const sse = await open(async () => web.watch.live(token, user!));
    expect(await sse.ended(3_000)).toBeGreaterThanOrEqual(300);
  });

  it("re-checks open streams when its LISTEN connection comes back, so a change made while it was down still ends them", async () => {
    // Only the reconnection can notice: no polling while down, and the change comes after the
    // re-check that the loss itself causes.
    const dropping = webSessions({ cache: { minBackoffMs: 1_500, maxBackoffMs: 1_500, log: () => {} }, watch: { pollWhileDownMs: 60_000 } });
    await dropping.users.ready();
    const world = await seedWorld();
    const { sse } = await openSignedIn(world.admin.email, dropping);

    await terminateSessionListeners();
    await vi.waitFor(() => expect(dropping.users.isListening()).toBe(false));
    await dropping.watch.settled();
    await db.tenant.update({ where: { id: world.tenant.id }, data: { status: "SUSPENDED" } }); // heard by nobody

    expect(await sse.ended(ENDS_WITHIN_MS)).toBeLessThan(ENDS_WITHIN_MS);
    expect(dropping.users.isListening()).toBe(true);
  });

  it("re-checks open streams every few seconds while its LISTEN connection stays down", async () => {
    const down = webSessions({ cache: { minBackoffMs: 60_000, maxBackoffMs: 60_000, log: () => {} }, watch: { pollWhileDownMs: 300 } });
    await down.users.ready();
    const world = await seedWorld();
    const { sse } = await openSignedIn(world.admin.email, down);

    await terminateSessionListeners();
    await vi.waitFor(() => expect(down.users.isListening()).toBe(false));
    await down.watch.settled();
    await db.user.update({ where: { id: world.admin.id }, data: { sessionsValidFrom: new Date(Date.now() + 2_000) } });

    expect(await sse.ended(2_000)).toBeLessThan(2_000);
    expect(down.users.isListening()).toBe(false);
  });

  it("ends a stream whose session cannot be re-checked (fails closed)", async () => {
    const failing = webSessions({ watch: { readMany: () => Promise.reject(new Error("database unavailable")), log: () => {} } });
    const world = await seedWorld();
    const { sse } = await openSignedIn(world.admin.email, failing);
    expect(await sse.ended(1_000)).toBeLessThan(1_000);
    expect(failing.watch.watchedCount()).toBe(0);
  });

  it("stops watching a stream the browser closed", async () => {
    const world = await seedWorld();
    const before = web.watch.watchedCount();
    const { sse } = await openSignedIn(world.admin.email);
    expect(web.watch.watchedCount()).toBe(before + 1);
    await sse.cancel();
    expect(web.watch.watchedCount()).toBe(before);
  });
});
