/**
 * A company its partner suspends can make and take no calls from the next call on (emergency
 * calls excepted, see route-call.ts); reactivated, it can again. Through the back office's
 * own service, so the NOTIFY it sends is what the worker acts on.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/server/db";
import { setCustomerStatus } from "@/server/modules/admin/customers-service";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

let h: Harness;
let alice: SeededExtension;
let bob: SeededExtension;
let tenantId: string;
let scope: Parameters<typeof setCustomerStatus>[0];

beforeAll(async () => {
  const { partner, admin } = await seedPartner();
  scope = { partnerId: partner.id, actor: { id: admin.id, email: admin.email, partnerId: partner.id } };
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  h = await startHarness();
  h.sim.scenario.registerPhone({ endpoint: alice.username });
  h.sim.scenario.registerPhone({ endpoint: bob.username });
});
afterAll(async () => h?.stop());

const FORGOT = "tenant configuration changed; cached resolutions and tariff dropped";
const forgotten = () => h.logs.filter((l) => l.msg === FORGOT && l.tenantId === tenantId).length;
const callAndRecord = async () => {
  const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "202" });
  return eventually(`CDR of ${callerId}`, () => db.callRecord.findUnique({ where: { channelId: callerId } }));
};

it("refuses a suspended company's calls from the next call on, and takes them again once active", async () => {
  h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "answer", answerAfterMs: 100 });
  const warm = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "202" });
  await eventually("a call bridged while active", () => h.sim.scenario.snapshot().bridges.some((b) => b.channels.includes(warm)));
  h.sim.scenario.hangup(warm);
  await eventually("the call ended", () => h.sim.scenario.snapshot().channels.length === 0);

  let before = forgotten();
  await setCustomerStatus(scope, tenantId, "SUSPENDED");
  await eventually("dialplan_changed handled", () => forgotten() > before);
  expect(await callAndRecord()).toMatchObject({ disposition: "REJECTED" });

  before = forgotten();
  await setCustomerStatus(scope, tenantId, "ACTIVE");
  await eventually("dialplan_changed handled", () => forgotten() > before);
  const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "202" });
  await eventually("bridged again", () => h.sim.scenario.snapshot().bridges.some((b) => b.channels.includes(callerId)));
  h.sim.scenario.hangup(callerId);
});
