/**
 * New calls reach open recent-calls pages without a reload: the worker's CDR writer sends one
 * `callEnded` PRESENCE notice per tenant per batch, and the SSE stream passes it on as a
 * `calls` event to the company's admins and to users whose extensions took part, to nobody else.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { heardDuring } from "@/tests/fixtures/notifications";
import { seedLineExtension } from "@/tests/fixtures/seed-media";
import { seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { createCallRecordWriter } from "../telephony/dialplan/call-record-store";
import { tenantDb } from "../tenancy";
import { PresenceHub } from "./presence-hub";
import { ownPresenceFilter, type PresenceFilter } from "./presence-state";
import { createPresenceStream } from "./presence-stream";
import { sseReader } from "./sse-test-reader";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;
let world: World;
let hub: PresenceHub;
let annExtensionId: string;
const open: AbortController[] = [];

beforeAll(async () => {
  world = await seedTwoTenants();
  annExtensionId = (await seedLineExtension(world.acme.tenant.id, "201", world.acme.users[0]!.id)).id;
  await seedLineExtension(world.acme.tenant.id, "202", world.acme.users[1]!.id);
  hub = new PresenceHub({ connectionString: process.env.DATABASE_URL!, maxBackoffMs: 200 });
  await hub.ready();
});
afterAll(async () => {
  open.forEach((a) => a.abort());
  await hub.close();
});

async function openStream(tenantId: string, filter: PresenceFilter) {
  const abort = new AbortController();
  open.push(abort);
  const sse = sseReader(createPresenceStream({ tenantId, filter, signal: abort.signal, hub }));
  await sse.next(); // connected
  await sse.next(); // ready
  return sse;
}

/** The next `calls` event's data, or null when none comes within `ms`. */
async function nextCalls(sse: ReturnType<typeof sseReader>, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const frame = await sse.next(Math.max(1, deadline - Date.now())).catch(() => null);
    if (frame?.event === "calls") return JSON.parse(frame.data ?? "null") as unknown;
  }
  return null;
}

const row = (tenantId: string, extensionId: string | null) => ({
  tenantId, channelId: `ch-${randomUUID()}`, direction: "INBOUND" as const, callerNumber: "+447400123456", calledNumber: "+442079460000",
  extensionId, didId: null, startedAt: new Date(Date.now() - 60_000), answeredAt: null, endedAt: new Date(), disposition: "NO_ANSWER" as const,
  hangupCause: null, billableSec: 0, cost: "0", currency: null, ratePrefix: null,
});

describe("[CALLS] finished calls are streamed to recent-calls pages", () => {
  it("sends one notice per tenant for a batch of CDRs, after they are stored", async () => {
    const insert = createCallRecordWriter(db);
    const rows = [row(world.acme.tenant.id, annExtensionId), row(world.acme.tenant.id, null), row(world.globex.tenant.id, null)];
    const heard = await heardDuring("presence", async () => {
      await Promise.all(rows.map(insert));
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const notices = heard.map((h) => JSON.parse(h.slice("presence:".length)) as { tenantId: string; kind: string; extensionIds: string[] });
    expect(notices.filter((n) => n.kind === "callEnded").map((n) => n.tenantId).sort()).toEqual([world.acme.tenant.id, world.globex.tenant.id].sort());
    expect(notices.find((n) => n.tenantId === world.acme.tenant.id)?.extensionIds).toEqual([annExtensionId]);
    expect(await db.callRecord.count({ where: { channelId: { in: rows.map((r) => r.channelId) } } })).toBe(3);
  });

  it("reaches the company's admins and the users whose extensions took part, and nobody else", async () => {
    const db0 = tenantDb(world.acme.tenant.id);
    const admin = await openStream(world.acme.tenant.id, null);
    const ann = await openStream(world.acme.tenant.id, await ownPresenceFilter(db0, world.acme.users[0]!.id));
    const colleague = await openStream(world.acme.tenant.id, await ownPresenceFilter(db0, world.acme.users[1]!.id));
    const otherCompany = await openStream(world.globex.tenant.id, null);
    await createCallRecordWriter(db)(row(world.acme.tenant.id, annExtensionId));
    // The frame names no extension: a user must not learn colleagues' ids from it.
    expect(await nextCalls(admin, 2000)).toEqual({ kind: "callEnded" });
    expect(await nextCalls(ann, 2000)).toEqual({ kind: "callEnded" });
    expect(await nextCalls(colleague, 500)).toBeNull();
    expect(await nextCalls(otherCompany, 300)).toBeNull();
  });
});
