/**
 * A worker that dies mid-call (SIGKILL) leaves the callee's channel alone in a bridge, no CDR
 * and both extensions "in call". The next worker to start settles that on its first connect.
 * The first worker is "killed" by cutting its ARI socket: it hears nothing more, as if dead.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/server/db";
import { databaseEnv } from "@/server/env-database";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { ARI_CREDENTIALS, eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { silentLogger } from "./log";
import { startWorker, type Worker } from "./start-worker";

let h: Harness;
let second: Worker | undefined;
let alice: SeededExtension;
let bob: SeededExtension;

beforeAll(async () => {
  const { partner } = await seedPartner();
  const tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  h = await startHarness();
  h.sim.scenario.registerPhone({ endpoint: alice.username });
  h.sim.scenario.registerPhone({ endpoint: bob.username });
});
afterAll(async () => {
  await second?.stop();
  await h?.stop();
});

const states = () => db.extensionCallState.findMany({ where: { extensionId: { in: [alice.id, bob.id] } }, orderBy: { extensionId: "asc" } });

it("hangs up what a dead worker left, destroys its bridge, writes one CDR and resets call states", async () => {
  const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "202" });
  const bridge = await eventually("bridged call", () => h.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(callerId) && b.channels.length === 2));
  await eventually("both in call", async () => (await states()).filter((s) => s.state === "IN_CALL").length === 2);
  await h.worker.flush();

  // The worker dies: its socket is gone, and the caller hangs up while nobody listens.
  await h.worker.ari.close();
  h.sim.scenario.hangup(callerId);
  const legId = bridge.channels.find((c) => c !== callerId)!;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(h.sim.scenario.snapshot().channels.map((c) => c.id)).toEqual([legId]); // stranded, as on Asterisk

  second = await startWorker({
    db, databaseUrl: databaseEnv().DATABASE_URL, ari: { url: h.sim.url, ...ARI_CREDENTIALS, reconnectMaxSeconds: 1 },
    trunk: "trunk", healthPort: null, log: silentLogger(), drainTimeoutMs: 200,
  });
  await second.ready;
  await eventually("orphan leg hung up", () => h.sim.scenario.snapshot().channels.length === 0);
  await eventually("bridge destroyed", () => h.sim.scenario.snapshot().bridges.length === 0);
  await second.flush();
  const cdrs = await db.callRecord.findMany({ where: { channelId: { in: [callerId, legId] } } });
  expect(cdrs).toHaveLength(1);
  expect(cdrs[0]).toMatchObject({
    channelId: callerId, disposition: "ANSWERED", direction: "INTERNAL", extensionId: alice.id, calledNumber: "202",
    hangupCause: "worker restarted mid-call",
  });
  expect(cdrs[0]!.answeredAt).not.toBeNull();
  expect((await states()).map((s) => s.state)).toEqual(["IDLE", "IDLE"]);
  expect(h.sim.scenario.strandedChannels({ idleMs: 0 })).toEqual([]);
});
