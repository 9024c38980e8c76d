import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { signInCookie } from "@/tests/fixtures/auth-http";
import { TEST_PASSWORD, callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { requestHeaders, sendToAuth, webSessions } from "@/tests/fixtures/web-sessions";
import { tenantDb } from "../tenancy";
import { createEventsHandler } from "./events-handler";
import { PresenceHub } from "./presence-hub";
import { ownPresenceFilter } from "./presence-state";
import { createPresenceStream } from "./presence-stream";
import { sseReader } from "./sse-test-reader";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

async function seedLine(tenantId: string, number: string, ownerUserId?: string) {
  const sip = await db.sipAccount.create({ data: { tenantId, username: `t-${tenantId.slice(-6)}-${number}`, authMd5: "0".repeat(32) } });
  const extension = await db.extension.create({ data: { tenantId, number, displayName: `Ext ${number}`, sipAccountId: sip.id, ownerUserId } });
  return { sip, extension };
}

const notify = (payload: object) => db.$executeRaw`SELECT pg_notify('presence', ${JSON.stringify(payload)})`;

describe("[PRESENCE] SSE stream over LISTEN/NOTIFY", () => {
  let world: World;
  let hub: PresenceHub;
  let acme1: Awaited<ReturnType<typeof seedLine>>;
  let acme2: Awaited<ReturnType<typeof seedLine>>;
  let globex1: Awaited<ReturnType<typeof seedLine>>;
  const open: AbortController[] = [];
  const stream = (tenantId: string, filter: Parameters<typeof createPresenceStream>[0]["filter"] = null, heartbeatMs?: number) => {
    const abort = new AbortController();
    open.push(abort);
    return { abort, sse: sseReader(createPresenceStream({ tenantId, filter, signal: abort.signal, hub, heartbeatMs })) };
  };

  beforeAll(async () => {
    world = await seedTwoTenants();
    acme1 = await seedLine(world.acme.tenant.id, "201", world.acme.users[0]!.id);
    acme2 = await seedLine(world.acme.tenant.id, "202");
    globex1 = await seedLine(world.globex.tenant.id, "201");
    hub = new PresenceHub({ connectionString: process.env.DATABASE_URL!, maxBackoffMs: 200 });
    await hub.ready();
  });
  afterAll(async () => {
    open.forEach((a) => a.abort());
    await hub.close();
  });

  it("sends a registration change of the own tenant within 1 s, with the fresh row", async () => {
    const { sse } = stream(world.acme.tenant.id);
    expect(await sse.next()).toMatchObject({ retry: 3000, comments: ["connected"] });
    // "ready" says the stream hears changes now (its LISTEN is active); clients go live on it.
    expect(await sse.next()).toMatchObject({ event: "ready" });
    await db.registration.create({ data: { sipAccountId: acme1.sip.id, tenantId: world.acme.tenant.id, state: "REGISTERED", userAgent: "Yealink T54W" } });
    const started = Date.now();
    await notify({ tenantId: world.acme.tenant.id, kind: "registration", sipAccountId: acme1.sip.id });
    const event = await sse.nextPresence(1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event).toMatchObject({ kind: "registration", sipAccountId: acme1.sip.id, registration: { state: "REGISTERED", userAgent: "Yealink T54W" } });
  });

  it("never sends another tenant's notification, nor reads another tenant's row", async () => {
    const { sse } = stream(world.acme.tenant.id);
    await sse.next();
    await db.registration.create({ data: { sipAccountId: globex1.sip.id, tenantId: world.globex.tenant.id, state: "REGISTERED" } });
    await notify({ tenantId: world.globex.tenant.id, kind: "registration", sipAccountId: globex1.sip.id });
    // A forged payload naming Acme but pointing at Globex's row reads as nothing.
    await notify({ tenantId: world.acme.tenant.id, kind: "registration", sipAccountId: globex1.sip.id });
    expect(await sse.nextPresence()).toEqual({ kind: "registration", sipAccountId: globex1.sip.id, registration: null });
    await db.extensionCallState.create({ data: { extensionId: acme2.extension.id, tenantId: world.acme.tenant.id, state: "RINGING", peer: "201" } });
    await notify({ tenantId: world.acme.tenant.id, kind: "call", extensionId: acme2.extension.id });
    expect(await sse.nextPresence()).toMatchObject({ kind: "call", extensionId: acme2.extension.id, call: { state: "RINGING", peer: "201" } });
  });

  it("streams a do-not-disturb toggle made in the portal, once it is committed", async () => {
    const { sse } = stream(world.acme.tenant.id);
    await sse.next();
    await sse.next();
    await (await callerFor(world.acme.admin.id)).forwarding.setDoNotDisturb({ extensionId: acme2.extension.id, doNotDisturb: true });
    expect(await sse.nextPresence(1000)).toEqual({ kind: "dnd", extensionId: acme2.extension.id, doNotDisturb: true });
  });

  it("gives an extension user only their own extension's events", async () => {
    const filter = await ownPresenceFilter(tenantDb(world.acme.tenant.id), world.acme.users[0]!.id);
    const { sse } = stream(world.acme.tenant.id, filter);
    await sse.next();
    await notify({ tenantId: world.acme.tenant.id, kind: "call", extensionId: acme2.extension.id });
    await notify({ tenantId: world.acme.tenant.id, kind: "registration", sipAccountId: acme2.sip.id });
    await notify({ tenantId: world.acme.tenant.id, kind: "registration", sipAccountId: acme1.sip.id });
    expect(await sse.nextPresence()).toMatchObject({ kind: "registration", sipAccountId: acme1.sip.id });
  });

  it("sends heartbeats, and unsubscribes and ends when the request is aborted", async () => {
    const before = hub.subscriberCount();
    const { sse, abort } = stream(world.acme.tenant.id, null, 50);
    await sse.next();
    expect((await sse.next())?.event).toBe("ready");
    expect((await sse.next())?.comments).toEqual(["ping"]);
    expect(hub.subscriberCount()).toBe(before + 1);
    abort.abort();
    for (let frame = await sse.next(); frame; frame = await sse.next()) expect(frame.event).toBeUndefined();
    expect(hub.subscriberCount()).toBe(before);
  });

  it("reconnects after losing the LISTEN connection and tells clients to resync", async () => {
    const { sse } = stream(world.acme.tenant.id);
    await sse.next();
    expect((await sse.next())?.event).toBe("ready");
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'centrex-web-presence' AND datname = current_database()`;
    expect((await sse.next(3000))?.event).toBe("resync");
    await notify({ tenantId: world.acme.tenant.id, kind: "call", extensionId: acme2.extension.id });
    expect(await sse.nextPresence()).toMatchObject({ kind: "call", extensionId: acme2.extension.id });
  });
});

describe("[PRESENCE] GET /api/events", () => {
  it("refuses without a session (401) and without a tenant (403), and streams otherwise", async () => {
    const world = await seedTwoTenants();
    const hub = new PresenceHub({ connectionString: process.env.DATABASE_URL! });
    const sessions = webSessions();
    const handler = createEventsHandler({ hub, getSession: (request) => sessions.live(request.headers) });
    const request = (cookie: string, signal?: AbortSignal) => new Request("http://localhost/api/events", { headers: requestHeaders(cookie), signal });
    const signedIn = (email: string) => signInCookie(sendToAuth, email, TEST_PASSWORD);
    expect(await handler(request("")).then((r) => r.status)).toBe(401);
    expect(await handler(request(await signedIn(world.partnerAdmin.email))).then((r) => r.status)).toBe(403);
    const abort = new AbortController();
    const ok = await handler(request(await signedIn(world.acme.admin.email), abort.signal));
    expect(ok.status).toBe(200);
    expect(Object.fromEntries(ok.headers)).toMatchObject({ "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" });
    expect((await sseReader(ok.body!).next())?.retry).toBe(3000);
    abort.abort();
    await Promise.all([hub.close(), sessions.close()]);
  });
});
