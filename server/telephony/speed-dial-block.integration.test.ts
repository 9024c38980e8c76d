/**
 * Issue 13 through the worker and the ARI simulator: a caller blocked from the portal is
 * rejected on their next call, and an extension dialling a company speed dial rings what it
 * names (an outside number through the trunk, or a colleague's phone).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cdrOf } from "@/tests/fixtures/routing-calls";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { loadTenantDialPlan } from "./dialplan/load-dial-plan";

const DID = "+441632960301";
const CALLER = "+447400123456";
let h: Harness;
let tenantId: string;
let admin: Awaited<ReturnType<typeof callerFor>>;
let alice: SeededExtension;
let bob: SeededExtension;

const FORGOT = "tenant configuration changed; cached resolutions and tariff dropped";
const forgotten = () => h.logs.filter((l) => l.msg === FORGOT && l.tenantId === tenantId).length;
/** Runs a portal change and waits until the worker has dropped the tenant's cached plan. */
async function changeAndWait(change: () => Promise<unknown>) {
  const before = forgotten();
  await change();
  await eventually("dialplan_changed handled", () => forgotten() > before);
}

const dialsTo = (needle: string, since: number) =>
  h.sim.scenario.stats().events.slice(since).filter((e) => e.type === "Dial" && JSON.stringify(e).includes(needle)).length;
const mark = () => h.sim.scenario.stats().events.length;

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  tenantId = world.tenant.id;
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  await seedDid(tenantId, DID, alice.id); // also gives the company a CLI, so outbound calls are allowed
  admin = await callerFor(world.admin.id);
  h = await startHarness({ loadDialPlan: (id) => loadTenantDialPlan(db, id, { trunk: "trunk" }) });
  h.sim.scenario.registerPhone({ endpoint: alice.username });
  h.sim.scenario.registerPhone({ endpoint: bob.username });
});

afterAll(async () => {
  await h?.stop();
});

describe("[CALLS] a caller blocked from the portal", () => {
  it("rings before the block and is rejected after it, without ringing anyone", async () => {
    const before = mark();
    const first = h.sim.scenario.placeInboundCall({ from: CALLER, to: DID });
    await eventually("alice rang", () => dialsTo(alice.username, before) > 0);
    h.sim.scenario.hangup(first);
    await cdrOf(first);

    await changeAndWait(() => admin.blockList.create({ number: CALLER }));
    const afterBlock = mark();
    const second = h.sim.scenario.placeInboundCall({ from: CALLER, to: DID });
    const cdr = await cdrOf(second);
    expect(cdr).toMatchObject({ disposition: "REJECTED", callerNumber: CALLER, direction: "INBOUND" });
    expect(dialsTo(alice.username, afterBlock)).toBe(0);
    expect(h.sim.scenario.snapshot().channels.find((c) => c.id === second)).toBeUndefined();
  });
});

describe("[SPEED_DIALS] an extension dials a speed dial", () => {
  it("*21 dials the outside number through the trunk", async () => {
    await changeAndWait(() => admin.speedDial.create({ code: "*21", number: "+1 212 555 0100", label: "New York" }));
    const before = mark();
    const call = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "*21" });
    await eventually("a dial to the outside number", () => dialsTo("+12125550100", before) > 0);
    h.sim.scenario.hangup(call);
    expect((await cdrOf(call)).direction).toBe("OUTBOUND");
  });

  it("*22 rings the colleague's phone it names", async () => {
    await changeAndWait(() => admin.speedDial.create({ code: "*22", number: bob.number, label: "Bob" }));
    const before = mark();
    const call = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "*22" });
    await eventually("bob rang", () => dialsTo(bob.username, before) > 0);
    h.sim.scenario.hangup(call);
    expect(await cdrOf(call)).toMatchObject({ direction: "INTERNAL", extensionId: alice.id });
  });
});
