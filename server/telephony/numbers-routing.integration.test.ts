/**
 * A number's destination, as the customer sets it through the portal, is where the worker
 * sends the next inbound call: an extension's phone, or a fax account's device.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { sipAuthMd5 } from "@/server/modules/billing/sip-credentials";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { loadTenantDialPlan } from "./dialplan/load-dial-plan";

const DID = "+441632960201";
let h: Harness;
let admin: Awaited<ReturnType<typeof callerFor>>;
let didId: string;
let bob: SeededExtension;
let fax: { id: string; username: string };

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  tenantId = world.tenant.id;
  const [alice, second] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  bob = second;
  const username = `fax-${tenantId.slice(-6)}`;
  fax = await db.sipAccount.create({ data: { tenantId, type: "FAX", username, authMd5: sipAuthMd5(username, "centrex", "pw") }, select: { id: true, username: true } });
  didId = (await seedDid(tenantId, DID, alice.id)).id;
  admin = await callerFor(world.admin.id);
  h = await startHarness({ loadDialPlan: (id) => loadTenantDialPlan(db, id, { trunk: "trunk" }) });
  h.sim.scenario.registerPhone({ endpoint: bob.username });
  h.sim.scenario.registerPhone({ endpoint: fax.username });
});

afterAll(async () => {
  await h?.stop();
});

const FORGOT = "tenant configuration changed; cached resolutions and tariff dropped";
let tenantId: string;
const forgotten = () => h.logs.filter((l) => l.msg === FORGOT && l.tenantId === tenantId).length;

/** Sets the destination and waits until the worker has dropped its cached dial plan. */
async function pointAt(destination: Parameters<typeof admin.numbers.setDestination>[0]["destination"]) {
  const before = forgotten();
  await admin.numbers.setDestination({ didId, destination });
  await eventually("dialplan_changed handled", () => forgotten() > before);
}

/** Whether the worker dialled this endpoint (Dial events name it). */
const rang = (dialstring: string) =>
  eventually(`a Dial to ${dialstring}`, () => h.sim.scenario.stats().events.some((e) => e.type === "Dial" && JSON.stringify(e).includes(dialstring)) || null);

describe("[NUMBERS] inbound calls follow the number's destination", () => {
  it("rings the extension the number was pointed at", async () => {
    await pointAt({ kind: "extension", extensionId: bob.id });
    const callerId = h.sim.scenario.placeInboundCall({ from: "+447700900111", to: DID });
    expect(await rang(bob.username)).toBe(true);
    h.sim.scenario.hangup(callerId);
  });

  it("rings the fax account's device when the number points at it", async () => {
    await pointAt({ kind: "fax", sipAccountId: fax.id });
    const callerId = h.sim.scenario.placeInboundCall({ from: "+447700900111", to: DID });
    expect(await rang(fax.username)).toBe(true);
    h.sim.scenario.hangup(callerId);
  });
});
