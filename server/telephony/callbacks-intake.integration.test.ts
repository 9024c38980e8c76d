/**
 * From the intake to a bridged call: requests accepted by submitClickToCall and the admin's
 * widget test button (submitWidgetTest) are claimed and placed by the worker through the
 * simulator, and a refused request never reaches an originate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { submitClickToCall, submitWidgetTest } from "@/server/modules/callbacks/intake/submit";
import { freshIp, freshLondonNumber, seedWidget } from "@/tests/fixtures/seed-callbacks";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, seedTariff, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { seedHuntGroup } from "@/tests/fixtures/seed-routing";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

let h: Harness;
let tenantId: string;
let adminId: string;
let alice: SeededExtension, carol: SeededExtension, dave: SeededExtension;
let huntGroupId: string;

beforeAll(async () => {
  const { partner } = await seedPartner();
  await seedTariff(partner.id, [{ prefix: "44", ratePerMinute: "0.02" }]);
  const seeded = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  tenantId = seeded.tenant.id;
  adminId = seeded.admin.id;
  [alice, carol, dave] = (await seedExtensions(tenantId, 3)) as [SeededExtension, SeededExtension, SeededExtension];
  await db.extension.update({ where: { id: alice.id }, data: { ownerUserId: adminId } });
  await seedDid(tenantId, "+441632960200", alice.id);
  huntGroupId = (await seedHuntGroup(tenantId, { number: "600", strategy: "RING_ALL", members: [{ extensionId: carol.id }, { extensionId: dave.id }] })).id;
  h = await startHarness({ callbacks: { nodeId: "intake-node", pollMs: 10_000 } });
  for (const e of [alice, carol, dave]) h.sim.scenario.registerPhone({ endpoint: e.username });
});

afterAll(async () => {
  await h?.stop();
});

const connectedRow = (id: string) => eventually(`request ${id} connected`, () => db.callbackRequest.findFirst({ where: { id, state: "CONNECTED" } }), 8000);
const trunkDials = (number: string) => h.sim.scenario.stats().events.filter((e) => e.type === "Dial" && e.dialstatus === "" && e.dialstring === `${number}@trunk`);

describe("callbacks from the intake to the worker", () => {
  it("places an accepted portal click-to-call at once (NOTIFY callback_queued wakes the worker)", async () => {
    const number = freshLondonNumber();
    const started = Date.now();
    const result = await submitClickToCall({ source: "PORTAL", tenantId, line: { sipAccountId: alice.sipAccountId }, dialled: number, requestedByUserId: adminId, clientIp: freshIp() });
    if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message}`);
    const row = await connectedRow(result.request.id);
    // The poll is 10 s apart here: the notice, not the poll, woke the worker.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(trunkDials(number)).toHaveLength(1);
    h.sim.scenario.hangup(row.firstChannelId!);
    await eventually("completed", () => db.callbackRequest.findFirst({ where: { id: row.id, state: "COMPLETED" } }));
  });

  it("never originates for a refused request (a premium-rate number)", async () => {
    const premium = "+449098790000"; // UK 09: premium rate
    const result = await submitClickToCall({ source: "PORTAL", tenantId, line: { sipAccountId: alice.sipAccountId }, dialled: premium, requestedByUserId: adminId, clientIp: freshIp() });
    expect(result.ok ? null : result.refusal.code).toBe("HIGH_RISK_NUMBER");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(trunkDials(premium)).toHaveLength(0);
    expect(h.sim.scenario.stats().events.some((e) => e.type === "Dial" && JSON.stringify(e).includes(premium))).toBe(false);
  });

  it("the widget test button rings the admin's own extension, then puts it through to the hunt group", async () => {
    const widget = await seedWidget(tenantId, { destination: { kind: "huntGroup", huntGroupId } });
    const result = await submitWidgetTest({ tenantId, widgetId: widget.id, userId: adminId, clientIp: freshIp() });
    if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message}`);
    expect(result.request.visitorNumber).toBe(alice.number);
    const row = await connectedRow(result.request.id);
    const dials = h.sim.scenario.stats().events.filter((e) => e.type === "Dial" && e.dialstatus === "") as unknown as { dialstring: string; peer: { id: string } }[];
    expect(dials.find((d) => d.peer.id === row.firstChannelId)?.dialstring).toBe(alice.username);
    expect([carol.username, dave.username]).toContain(dials.find((d) => d.peer.id === row.secondChannelId)?.dialstring);
    h.sim.scenario.hangup(row.secondChannelId!);
    await eventually("completed", () => db.callbackRequest.findFirst({ where: { id: row.id, state: "COMPLETED" } }));
    await h.worker.flush();
    const cdrs = await eventually("two CDRs", async () => {
      const rows = await db.callRecord.findMany({ where: { callbackRequestId: row.id } });
      return rows.length === 2 ? rows : null;
    });
    // Both legs stay inside the company: nothing is charged.
    expect(cdrs.map((c) => [c.direction, c.cost?.toString()])).toEqual([["INTERNAL", "0"], ["INTERNAL", "0"]]);
  });
});
