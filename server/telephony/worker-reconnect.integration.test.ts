/** ARI connection loss: the worker reconnects, resubscribes and pushes provisioning again. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/server/db";
import { AriClient } from "./ari";
import { notifySipAccountsChanged } from "./dialplan/notify";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { ARI_CREDENTIALS, eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

let h: Harness;
let ext: SeededExtension;
let tenantId: string;

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [ext] = (await seedExtensions(tenantId, 1)) as [SeededExtension];
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

const health = async () => {
  const res = await fetch(`http://127.0.0.1:${h.worker.health!.port}/health`);
  return { status: res.status, body: (await res.json()) as { ari: string; activeCalls: number } };
};

it("reconnects, resubscribes and resyncs provisioning after the ARI socket drops", async () => {
  const key = `res_pjsip/endpoint/${ext.username}`;
  expect(h.sim.scenario.snapshot().config[key]).toBeDefined();
  expect(await health()).toMatchObject({ status: 200, body: { ari: "connected", activeCalls: 0 } });
  // Behind the worker's back, as an Asterisk restart would: forget the endpoint and the subscription.
  const admin = new AriClient({ baseUrl: h.sim.url, ...ARI_CREDENTIALS, app: "admin" });
  await admin.asterisk.deleteObject({ configClass: "res_pjsip", objectType: "endpoint", id: ext.username });
  await admin.applications.unsubscribe(ARI_CREDENTIALS.app, "endpoint:PJSIP");
  expect(h.sim.scenario.snapshot().config[key]).toBeUndefined();

  h.sim.scenario.dropConnections();
  await eventually("endpoint pushed again", () => h.sim.scenario.snapshot().config[key]);
  const app = await eventually("resubscribed", async () => {
    const a = await admin.applications.get(ARI_CREDENTIALS.app);
    return a.endpoint_ids.includes("PJSIP") ? a : null;
  });
  expect(app.endpoint_ids).toContain("PJSIP");
  expect((await health()).status).toBe(200);

  // Registration events flow again through the renewed subscription.
  h.sim.scenario.registerPhone({ endpoint: ext.username });
  await eventually("registration row", () => db.registration.findFirst({ where: { sipAccountId: ext.sipAccountId, state: "REGISTERED" } }));
});

it("finishes a call whose caller hung up while the socket was down", async () => {
  const [a, b] = (await seedExtensions(tenantId, 2, { firstNumber: 301 })) as [SeededExtension, SeededExtension];
  await notifySipAccountsChanged(db, tenantId);
  const config = () => h.sim.scenario.snapshot().config;
  await eventually("accounts pushed", () => config()[`res_pjsip/endpoint/${a.username}`] && config()[`res_pjsip/endpoint/${b.username}`]);
  h.sim.scenario.registerPhone({ endpoint: a.username });
  h.sim.scenario.registerPhone({ endpoint: b.username });
  h.sim.scenario.setPhoneBehaviour(b.username, { mode: "noAnswer" });
  const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: a.username, to: "302" });
  await eventually("callee ringing", () => h.sim.scenario.snapshot().channels.some((c) => c.name.startsWith(`PJSIP/${b.username}-`)));
  h.sim.scenario.dropConnections();
  h.sim.scenario.hangup(callerId); // nobody hears this: the worker's socket is gone
  const cdr = await eventually("CDR after reconciling", () => db.callRecord.findUnique({ where: { channelId: callerId } }));
  expect(cdr.disposition).toBe("NO_ANSWER");
  expect(h.worker.report().activeCalls).toBe(0);
  await eventually("no channels left", () => h.sim.scenario.snapshot().channels.length === 0);
});

it("pushes a new SIP account on NOTIFY and removes a deleted one", async () => {
  const [added] = (await seedExtensions(tenantId, 1, { firstNumber: 250 })) as [SeededExtension];
  await notifySipAccountsChanged(db, added.sipAccountId);
  await eventually("new endpoint pushed", () => h.sim.scenario.snapshot().config[`res_pjsip/endpoint/${added.username}`]);
  await db.sipAccount.delete({ where: { id: added.sipAccountId } });
  await notifySipAccountsChanged(db, added.sipAccountId);
  // Endpoint first, auth last: wait for the last one.
  await eventually("deleted account removed", () => !h.sim.scenario.snapshot().config[`res_pjsip/auth/${added.username}`]);
  expect(h.sim.scenario.snapshot().config[`res_pjsip/endpoint/${added.username}`]).toBeUndefined();
  expect(h.sim.scenario.snapshot().config[`res_pjsip/endpoint/${ext.username}`]).toBeDefined();
});
