import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedQueue } from "@/tests/fixtures/seed-ivr-queues";
import { callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { PresenceHub } from "./presence-hub";
import { ownPresenceFilter } from "./presence-state";
import { createPresenceStream } from "./presence-stream";
import { sseReader } from "./sse-test-reader";
import { tenantDb } from "../tenancy";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

const notify = (payload: object) => db.$executeRaw`SELECT pg_notify('presence', ${JSON.stringify(payload)})`;

describe("[PRESENCE] call queues over the presence stream", () => {
  let world: World;
  let hub: PresenceHub;
  let extensionId: string;
  let queueId: string;
  const open: AbortController[] = [];
  async function stream(tenantId: string, filter: Parameters<typeof createPresenceStream>[0]["filter"] = null) {
    const abort = new AbortController();
    open.push(abort);
    const sse = sseReader(createPresenceStream({ tenantId, filter, signal: abort.signal, hub }));
    await sse.next(); // connected
    await sse.next(); // ready
    return sse;
  }

  beforeAll(async () => {
    world = await seedTwoTenants();
    const tenantId = world.acme.tenant.id;
    extensionId = (await db.extension.create({ data: { tenantId, number: "201", displayName: "Alice", ownerUserId: world.acme.users[0]!.id } })).id;
    queueId = (await seedQueue(tenantId, "700", [extensionId])).id;
    hub = new PresenceHub({ connectionString: process.env.DATABASE_URL!, maxBackoffMs: 200 });
    await hub.ready();
  });
  afterAll(async () => {
    open.forEach((a) => a.abort());
    await hub.close();
  });

  it("sends callers waiting and the longest wait when the worker says a queue changed", async () => {
    const sse = await stream(world.acme.tenant.id);
    const joinedAt = new Date("2026-12-04T10:00:00Z");
    await db.queueWaitingCall.create({ data: { tenantId: world.acme.tenant.id, queueId, channelId: "ch-q-1", callerLabel: "+447700900001", joinedAt } });
    await notify({ tenantId: world.acme.tenant.id, kind: "queue", queueId });
    expect(await sse.nextPresence(1000)).toMatchObject({ kind: "queue", queueId, queue: { number: "700", waitingCount: 1, longestWaitingSince: joinedAt.toISOString(), loggedInCount: 1 } });
  });

  it("streams a member logging out in the portal, once committed", async () => {
    const sse = await stream(world.acme.tenant.id);
    await (await callerFor(world.acme.users[0]!.id)).callQueues.setMemberLogin({ queueId, extensionId, isLoggedIn: false });
    expect(await sse.nextPresence(1000)).toMatchObject({ kind: "queue", queueId, queue: { loggedInCount: 0, members: [{ extensionId, isLoggedIn: false }] } });
  });

  it("keeps queue notices from extension users' streams and from other companies", async () => {
    const own = await stream(world.acme.tenant.id, await ownPresenceFilter(tenantDb(world.acme.tenant.id), world.acme.users[0]!.id));
    const globex = await stream(world.globex.tenant.id);
    await notify({ tenantId: world.acme.tenant.id, kind: "queue", queueId });
    // A forged notice naming Globex with Acme's queue reads as a deleted queue, never Acme's state.
    await notify({ tenantId: world.globex.tenant.id, kind: "queue", queueId });
    expect(await globex.nextPresence(1000)).toEqual({ kind: "queue", queueId, queue: null });
    await notify({ tenantId: world.acme.tenant.id, kind: "dnd", extensionId });
    // The first thing the extension user hears is their own DND notice, not the queue.
    expect(await own.nextPresence(1000)).toMatchObject({ kind: "dnd", extensionId });
  });
});
