import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedLineExtension } from "@/tests/fixtures/seed-media";
import { callerFor, seedTwoTenants, sessionUser } from "@/tests/fixtures/seed-tenant";
import { CALLBACK_CHANGED } from "../modules/callbacks/contract";
import { unwatchedSession } from "../web/session-bound-stream";
import { createEventsHandler } from "./events-handler";
import { PresenceHub } from "./presence-hub";
import { sseReader } from "./sse-test-reader";

type Stream = ReturnType<typeof sseReader>;

const notifyCallback = (payload: object) => db.$executeRaw`SELECT pg_notify(${CALLBACK_CHANGED}, ${JSON.stringify(payload)})`;
const notifyPresence = (tenantId: string, sipAccountId: string) =>
  db.$executeRaw`SELECT pg_notify('presence', ${JSON.stringify({ tenantId, kind: "registration", sipAccountId })})`;

/** The next frame with an event name (heartbeats skipped). */
async function nextEvent(sse: Stream, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = await sse.next(Math.max(1, deadline - Date.now()));
    if (!frame) throw new Error("stream ended");
    if (frame.event) return { event: frame.event, data: JSON.parse(frame.data ?? "null") as Record<string, unknown> };
  }
}

describe("[CALLBACKS] progress on the /api/events stream", () => {
  let hub: PresenceHub;
  const opened: AbortController[] = [];

  beforeAll(async () => {
    hub = new PresenceHub({ connectionString: process.env.DATABASE_URL!, maxBackoffMs: 200 });
    await hub.ready();
  });
  afterAll(async () => {
    opened.forEach((a) => a.abort());
    await hub.close();
  });

  async function open(userId: string): Promise<Stream> {
    const user = await sessionUser(userId);
    const abort = new AbortController();
    opened.push(abort);
    const res = await createEventsHandler({ hub, getSession: () => Promise.resolve(unwatchedSession(user)) })(new Request("http://localhost/api/events", { signal: abort.signal }));
    const sse = sseReader(res.body!);
    expect((await sse.next())?.comments).toEqual(["connected"]);
    expect((await sse.next())?.event).toBe("ready");
    return sse;
  }

  /** Nothing about callbacks arrived: the next event is a presence marker (of a line the viewer sees) sent after. */
  async function heardNothing(sse: Stream, tenantId: string, sipAccountId = "marker") {
    await notifyPresence(tenantId, sipAccountId);
    expect((await nextEvent(sse)).event).toBe("presence");
  }

  it("sends a request's state change to its requester and the company's admins, and to nobody else", async () => {
    const world = await seedTwoTenants();
    const [alice, bob] = world.acme.users;
    const line = await seedLineExtension(world.acme.tenant.id, "201", alice!.id);
    const bobLine = await seedLineExtension(world.acme.tenant.id, "202", bob!.id);
    const request = await (await callerFor(alice!.id)).callbacks.clickToCall({ sipAccountId: line.sipAccountId!, number: "202" });

    const aliceStream = await open(alice!.id);
    const adminStream = await open(world.acme.admin.id);
    const bobStream = await open(bob!.id);
    const globexStream = await open(world.globex.admin.id);
    // The worker commits the new state, then announces it.
    await db.callbackRequest.update({ where: { id: request.id }, data: { state: "CALLING_FIRST" } });
    const started = Date.now();
    await notifyCallback({ tenantId: world.acme.tenant.id, requestId: request.id, state: "CALLING_FIRST" });
    expect(await nextEvent(aliceStream)).toEqual({ event: "callback", data: { requestId: request.id, state: "CALLING_FIRST" } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await nextEvent(adminStream)).toEqual({ event: "callback", data: { requestId: request.id, state: "CALLING_FIRST" } });
    await heardNothing(bobStream, world.acme.tenant.id, bobLine.sipAccountId!);
    await heardNothing(globexStream, world.globex.tenant.id);
  });

  it("takes the state from the row, and ignores notices naming another company's request or malformed ones", async () => {
    const world = await seedTwoTenants();
    const globexLine = await seedLineExtension(world.globex.tenant.id, "201", world.globex.users[0]!.id);
    await seedLineExtension(world.globex.tenant.id, "202");
    const theirs = await (await callerFor(world.globex.users[0]!.id)).callbacks.clickToCall({ sipAccountId: globexLine.sipAccountId!, number: "202" });
    const acmeAdmin = await open(world.acme.admin.id);
    const globexAdmin = await open(world.globex.admin.id);

    // Forged: Acme's tenant id with Globex's request. Acme reads it through its own scope: nothing.
    await notifyCallback({ tenantId: world.acme.tenant.id, requestId: theirs.id, state: "CONNECTED" });
    await notifyCallback({ tenantId: world.acme.tenant.id, requestId: 42 });
    await heardNothing(acmeAdmin, world.acme.tenant.id);
    // A stale notice: the row says QUEUED still, and that is what is sent.
    await notifyCallback({ tenantId: world.globex.tenant.id, requestId: theirs.id, state: "CONNECTED" });
    expect(await nextEvent(globexAdmin)).toEqual({ event: "callback", data: { requestId: theirs.id, state: "QUEUED" } });
  });
});
