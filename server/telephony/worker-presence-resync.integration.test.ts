/**
 * Registrations while Asterisk is out of sight: UNKNOWN while ARI is down (nobody hears phones
 * drop), then resolved from the endpoints' states after the next full push. The simulator is
 * stopped and started again on the same port, as an Asterisk restart looks to the worker.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { ARI_CREDENTIALS, eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { resolveUnknownRegistrations } from "./dialplan/registration-resync";
import { startAriSimulator, type AriSimulator } from "./simulator";

let h: Harness;
let restarted: AriSimulator | undefined;
let phones: SeededExtension[];

beforeAll(async () => {
  const { partner } = await seedPartner();
  const tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  phones = await seedExtensions(tenantId, 3);
  h = await startHarness({ presenceResyncDelayMs: 50 });
  for (const p of phones.slice(0, 2)) h.sim.scenario.registerPhone({ endpoint: p.username });
});
afterAll(async () => {
  await h?.stop();
  await restarted?.close();
});

const stateOf = async (p: SeededExtension): Promise<string | undefined> =>
  (await db.registration.findUnique({ where: { sipAccountId: p.sipAccountId } }))?.state;

it("shows registrations as unknown while ARI is down, then resyncs them from the endpoints", async () => {
  const [kept, dropped, never] = phones as [SeededExtension, SeededExtension, SeededExtension];
  await eventually("both registered", async () => (await stateOf(kept)) === "REGISTERED" && (await stateOf(dropped)) === "REGISTERED");
  expect(await stateOf(never)).toBeUndefined();

  const port = h.sim.port;
  await h.sim.close();
  await eventually("unknown while disconnected", async () => (await stateOf(kept)) === "UNKNOWN" && (await stateOf(dropped)) === "UNKNOWN");
  expect(h.worker.report().ari).toBe("disconnected");

  // Asterisk is back; one phone registers again, the other stays away. Nothing tells the
  // worker about the second, so only the resync from the endpoints' states resolves it.
  const sim = (restarted = await startAriSimulator({ ...ARI_CREDENTIALS, port, speed: 50, trunks: ["trunk"] }));
  await eventually("endpoints pushed again", () => sim.scenario.snapshot().config[`res_pjsip/endpoint/${kept.username}`], 8000);
  sim.scenario.registerPhone({ endpoint: kept.username });
  await eventually("resynced", async () => (await stateOf(kept)) === "REGISTERED" && (await stateOf(dropped)) === "UNREGISTERED", 8000);
  // The rows change before the line is logged (NOTIFYs come in between).
  await eventually("the resync's log line", () => h.logs.some((l) => l.msg === "registrations resynced from Asterisk's endpoints"));
  expect(await stateOf(never)).toBeUndefined(); // never registered: no row to resync
});

it("resolves only rows still unknown, by the endpoint's state", async () => {
  const [a, b, c] = phones as [SeededExtension, SeededExtension, SeededExtension];
  const tenantId = (await db.sipAccount.findUniqueOrThrow({ where: { id: a.sipAccountId } })).tenantId;
  for (const [p, state] of [[a, "UNKNOWN"], [b, "UNKNOWN"], [c, "UNREACHABLE"]] as const) {
    await db.registration.upsert({ where: { sipAccountId: p.sipAccountId }, create: { sipAccountId: p.sipAccountId, tenantId, state }, update: { state } });
  }
  const notices: string[] = [];
  const states = new Map([[a.username, "online"], [b.username, "offline"], [c.username, "online"]]);
  expect(await resolveUnknownRegistrations(db, states, async (n) => void notices.push(n.kind === "registration" ? n.sipAccountId : ""))).toBe(2);
  expect([await stateOf(a), await stateOf(b), await stateOf(c)]).toEqual(["REGISTERED", "UNREGISTERED", "UNREACHABLE"]);
  expect(notices.sort()).toEqual([a.sipAccountId, b.sipAccountId].sort());
});
