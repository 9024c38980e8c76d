/**
 * The worker's caches against real changes: repeat calls are served from cache (reads are
 * counted at the Prisma client, nothing is mocked), and a change made through the web-side
 * service reaches the very next call once its NOTIFY is in, or once the LISTEN connection
 * has reconnected when the NOTIFY was lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { CallRecord } from "@/server/generated/prisma/client";
import { seedPartner, seedTenant, callerFor } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, seedTariff, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import type { WorkerDb } from "./sip-account-queries";
import { loadTenantDialPlan } from "./load-dial-plan";

let h: Harness;
let tenantId: string;
let tenantAdmin: Awaited<ReturnType<typeof callerFor>>;
let partnerAdmin: Awaited<ReturnType<typeof callerFor>>;
let tariffId: string;
let alice: SeededExtension;
let bob: SeededExtension;
let carol: SeededExtension;
let dora: SeededExtension;

/** Database reads the worker made, by kind; counted as they reach Prisma. */
const reads = { callOrigin: 0, tariff: 0, dialPlan: 0 };
const countingDb = db.$extends({
  query: {
    sipAccount: {
      async findUnique({ args, query }) {
        // Call resolution: by username, with the account's extension (provisioning reads by id).
        if ("username" in args.where && args.select?.extension) reads.callOrigin++;
        return query(args);
      },
    },
    tariff: {
      async findUnique({ args, query }) {
        reads.tariff++;
        return query(args);
      },
    },
  },
}) as unknown as WorkerDb;

beforeAll(async () => {
  const { partner, admin } = await seedPartner();
  const tariff = await seedTariff(partner.id, [{ prefix: "447", ratePerMinute: "0.12", connectFee: "0.05", incrementSec: 60 }]);
  tariffId = tariff.id;
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  tenantId = world.tenant.id;
  [alice, bob, carol, dora] = (await seedExtensions(tenantId, 4)) as [SeededExtension, SeededExtension, SeededExtension, SeededExtension];
  await seedDid(tenantId, "+441632960101", alice.id); // the tenant's CLI for outbound calls
  tenantAdmin = await callerFor(world.admin.id);
  partnerAdmin = await callerFor(admin.id);
  h = await startHarness({
    db: countingDb,
    loadDialPlan: (id) => {
      reads.dialPlan++;
      return loadTenantDialPlan(db, id, { trunk: "trunk" });
    },
  });
  for (const ext of [alice, bob, carol, dora]) h.sim.scenario.registerPhone({ endpoint: ext.username });
});

afterAll(async () => {
  await h?.stop();
});

const FORGOT = "tenant configuration changed; cached resolutions and tariff dropped";
const forgotten = () => h.logs.filter((l) => l.msg === FORGOT && l.tenantId === tenantId).length;

/** Runs `change` and waits until the worker has handled the NOTIFY it sent. */
async function changeAndAwaitNotify(change: () => Promise<unknown>): Promise<void> {
  const before = forgotten();
  await change();
  await eventually("dialplan_changed handled", () => forgotten() > before);
}

type CallResult = { callerId: string; answeredBy?: string; refusedWith?: number; cdr?: CallRecord };

/**
 * Places a call; resolves with who answered (endpoint name) once it is hung up and its CDR
 * written, or with the Q.850 cause it was refused with.
 */
async function call(from: SeededExtension, to: string, opts: { talkMs?: number } = {}): Promise<CallResult> {
  const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: from.username, to });
  const outcome = await eventually<Omit<CallResult, "callerId"> | null>("answered or refused", () => {
    const snapshot = h.sim.scenario.snapshot();
    const bridge = snapshot.bridges.find((b) => b.channels.includes(callerId) && b.channels.length === 2);
    const leg = snapshot.channels.find((c) => c.id === bridge?.channels.find((id) => id !== callerId));
    if (leg) return { answeredBy: leg.name.replace(/^PJSIP\/(.+)-[0-9a-f]+$/, "$1") };
    const gone = snapshot.destroyed.find((d) => d.id === callerId);
    return gone ? { refusedWith: gone.cause } : null;
  });
  if (outcome.answeredBy === undefined) return { ...outcome, callerId };
  h.advanceClock(opts.talkMs ?? 0);
  h.sim.scenario.hangup(callerId);
  const cdr = await eventually(`CDR of ${callerId}`, () => db.callRecord.findUnique({ where: { channelId: callerId } }));
  return { ...outcome, callerId, cdr };
}

const endpointConfig = (ext: SeededExtension) => JSON.stringify(h.sim.scenario.snapshot().config[`res_pjsip/endpoint/${ext.username}`] ?? null);

/**
 * Runs `change`, which re-provisions `ext`'s account, and waits until Asterisk has its new
 * endpoint (provisioner.ts deletes and re-creates the objects), so a call is not placed
 * half-way. Should the phone's contact have gone with the old objects, it registers again,
 * as a real phone would on its next REGISTER.
 */
async function changeAndAwaitRepush(ext: SeededExtension, change: () => Promise<unknown>): Promise<void> {
  const before = endpointConfig(ext);
  await change();
  await eventually(`${ext.username} re-provisioned`, () => endpointConfig(ext) !== before && endpointConfig(ext) !== "null");
  ensureRegistered(ext);
}

function ensureRegistered(ext: SeededExtension): void {
  if (!h.sim.scenario.snapshot().registrations.some((r) => r.endpoint === ext.username)) h.sim.scenario.registerPhone({ endpoint: ext.username });
}

const updateInput = (ext: SeededExtension, number: string) => ({
  id: ext.id, number, displayName: `User ${number}`, ownerUserId: "", voicemailEnabled: true, voicemailPin: "", outboundCli: "",
});

describe("worker caches", () => {
  it("serves repeat calls from cache: one resolution and one dial-plan read per tenant", async () => {
    for (let i = 0; i < 3; i++) expect(await call(alice, "202")).toMatchObject({ answeredBy: bob.username });
    expect(reads).toMatchObject({ callOrigin: 1, dialPlan: 1 });
  });

  it("still writes presence rows right, with UTC times, through the batched statements", async () => {
    const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "202" });
    const answeredAt = await eventually("answered", () => h.worker.registry.callers.get(callerId)?.answeredAt);
    const inCall = await eventually("bob in call", () => db.extensionCallState.findFirst({ where: { extensionId: bob.id, state: "IN_CALL" } }));
    expect(inCall).toMatchObject({ tenantId, channelId: expect.any(String), since: answeredAt });
    h.sim.scenario.hangup(callerId);
    const cdr = await eventually("CDR", () => db.callRecord.findUnique({ where: { channelId: callerId } }));
    await h.worker.flush();
    for (const ext of [alice, bob]) {
      expect(await db.extensionCallState.findUnique({ where: { extensionId: ext.id } })).toMatchObject({ state: "IDLE", channelId: null, since: cdr.endedAt });
    }
  });

  it("an extension's new number reaches the next call", async () => {
    const before = { ...reads };
    await changeAndAwaitRepush(bob, () => changeAndAwaitNotify(() => tenantAdmin.extension.update(updateInput(bob, "212"))));
    expect(await call(alice, "212")).toMatchObject({ answeredBy: bob.username });
    expect(await call(alice, "202")).toMatchObject({ refusedWith: 1 }); // unallocated
    // Exactly one reload of each after the NOTIFY, then hits again.
    expect(reads.dialPlan - before.dialPlan).toBe(1);
    expect(reads.callOrigin - before.callOrigin).toBe(1);
  });

  it("a deleted extension cannot place the next call", async () => {
    expect(await call(carol, "201")).toMatchObject({ answeredBy: alice.username });
    await changeAndAwaitRepush(carol, () => changeAndAwaitNotify(() => tenantAdmin.extension.delete({ id: carol.id })));
    // Its SIP account is still provisioned, but no extension uses it any more.
    const refused = await call(carol, "201");
    expect(refused).toMatchObject({ refusedWith: 1 });
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: "no tenant for this call (unknown DID or SIP account); rejecting", channelId: refused.callerId }));
  });

  it("a changed rate prices the next outbound call; calls in between read no tariff", async () => {
    const first = await call(alice, "07700900123", { talkMs: 61_000 });
    expect(first.cdr?.cost?.toFixed(2)).toBe("0.29"); // 0.05 connect + 2 started minutes at 0.12
    const tariffReads = reads.tariff;
    expect((await call(alice, "07700900124", { talkMs: 61_000 })).cdr?.cost?.toFixed(2)).toBe("0.29");
    expect(reads.tariff).toBe(tariffReads);

    const rate = await db.tariffRate.findFirstOrThrow({ where: { tariffId, prefix: "447" } });
    await changeAndAwaitNotify(() =>
      partnerAdmin.tariff.rate.upsert({ tariffId, id: rate.id, prefix: "447", description: "", ratePerMinute: "0.20", connectFee: "0.05", incrementSec: 60, minimumSec: 0 }),
    );
    const after = await call(alice, "07700900125", { talkMs: 61_000 });
    expect(after.cdr).toMatchObject({ ratePrefix: "447", billableSec: 61 });
    expect(after.cdr?.cost?.toFixed(2)).toBe("0.45"); // 0.05 + 2 x 0.20
    expect(reads.tariff).toBe(tariffReads + 1);
  });

  it("forgets everything when the LISTEN connection reconnects, since NOTIFYs sent meanwhile are lost", async () => {
    expect(await call(alice, "212")).toMatchObject({ answeredBy: bob.username });
    expect(await call(dora, "201")).toMatchObject({ answeredBy: alice.username });
    // Changes nobody announces stand for ones whose NOTIFY went out while the worker was not listening.
    await db.extension.update({ where: { id: bob.id }, data: { number: "222" } });
    await db.extension.delete({ where: { id: dora.id } });
    const syncs = () => h.logs.filter((l) => l.msg === "provisioning full sync done").length;
    const before = syncs();
    await changeAndAwaitRepush(bob, async () => {
      // The worker's LISTEN connection last ran a LISTEN or a presence NOTIFY; other test files' databases are left alone.
      const killed = await db.$queryRaw<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity, pg_terminate_backend(pid)
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND (query LIKE 'LISTEN %' OR query LIKE 'SELECT pg_notify(%')`;
      expect(killed).toHaveLength(1);
      // On reconnect the listener clears the caches, then queues a full provisioning push.
      await eventually("LISTEN reconnected", () => syncs() > before, 10_000);
    });
    ensureRegistered(dora);
    expect(await call(alice, "222")).toMatchObject({ answeredBy: bob.username }); // dial plan reloaded
    expect(await call(dora, "201")).toMatchObject({ refusedWith: 1 }); // call resolution reloaded
  });
});
