/**
 * Caller ID on the trunk, end to end through the worker: an extension whose outbound number is
 * a mobile the company verified presents that mobile on the outbound leg; one that is not
 * (yet) allowed falls back to the company number.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, seedTariff, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

let h: Harness;
let tenantId: string;
let alice: SeededExtension;
let bob: SeededExtension;
const COMPANY_NUMBER = "+441632960101";
const VERIFIED_MOBILE = "+447400600001";
const UNVERIFIED_MOBILE = "+447400600002";

beforeAll(async () => {
  const { partner } = await seedPartner();
  await seedTariff(partner.id, [{ prefix: "447", ratePerMinute: "0.10" }]);
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  await seedDid(tenantId, COMPANY_NUMBER, alice.id);
  await db.verifiedMobile.create({ data: { tenantId, number: VERIFIED_MOBILE, verifiedAt: new Date() } });
  await db.verifiedMobile.create({ data: { tenantId, number: UNVERIFIED_MOBILE, verifiedAt: null } });
  await db.extension.update({ where: { id: alice.id }, data: { outboundCli: VERIFIED_MOBILE } });
  await db.extension.update({ where: { id: bob.id }, data: { outboundCli: UNVERIFIED_MOBILE } });
  h = await startHarness({
    loadDialPlan: async (id) => {
      const { loadTenantDialPlan } = await import("./dialplan/load-dial-plan");
      return loadTenantDialPlan(db, id, { trunk: "trunk" });
    },
  });
  h.sim.scenario.registerPhone({ endpoint: alice.username });
  h.sim.scenario.registerPhone({ endpoint: bob.username });
});

afterAll(async () => {
  await h?.stop();
});

/** The trunk channel the worker bridged to the extension's call, as the simulator sees it. */
async function trunkLegOf(callId: string) {
  const bridge = await eventually(`bridge of ${callId}`, () => h.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(callId) && b.channels.length === 2));
  const legId = bridge.channels.find((id) => id !== callId)!;
  const leg = h.sim.scenario.snapshot().channels.find((c) => c.id === legId)!;
  expect(leg.name).toMatch(/^PJSIP\/trunk-/);
  return leg;
}

describe("[CALLER_ID] outbound calls on the trunk", () => {
  it("present the extension's verified mobile", async () => {
    const call = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "07700900201" });
    const leg = await trunkLegOf(call);
    expect(leg.caller.number).toBe(VERIFIED_MOBILE);
    h.sim.scenario.hangup(call);
  });

  it("fall back to the company number for a mobile the policy does not allow", async () => {
    const call = h.sim.scenario.placeExtensionCall({ fromEndpoint: bob.username, to: "07700900202" });
    const leg = await trunkLegOf(call);
    expect(leg.caller.number).toBe(COMPANY_NUMBER);
    h.sim.scenario.hangup(call);
  });
});
