/**
 * The demo's simulated phones: an account given an extension in the portal registers too, not
 * only the seeded ones, and a phone taken offline stays offline while other accounts change.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { registerDemoPhones } from "./demo-phones";
import type { AriSimulator } from "./simulator";

let h: Harness;
let admin: Awaited<ReturnType<typeof callerFor>>;
let tenantId: string;

const registered = () => new Set(h.sim.scenario.snapshot().registrations.map((r) => r.endpoint));

/** A bought, unused account, given an extension the way the portal does it. */
async function newExtension(number: string) {
  const account = await db.sipAccount.create({ data: { tenantId, username: `demo-${randomUUID().slice(0, 8)}`, authMd5: "0".repeat(32) } });
  await admin.extension.create({ sipAccountId: account.id, number, displayName: `Phone ${number}`, ownerUserId: "", voicemailEnabled: false, voicemailPin: "", outboundCli: "" });
  return account.username;
}

describe("[DEMO] simulated phones", () => {
  beforeAll(async () => {
    const { partner } = await seedPartner();
    const world = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    tenantId = world.tenant.id;
    admin = await callerFor(world.admin.id);
    let sim: AriSimulator | null = null;
    // As worker.ts wires it; the simulator exists only once the harness has started it.
    h = await startHarness({ afterProvisioning: async (changed) => void (sim && (await registerDemoPhones(sim, changed))) });
    sim = h.sim;
  });
  afterAll(async () => h?.stop());

  it("registers a phone for an account given an extension in the portal", async () => {
    const username = await newExtension("401");
    await eventually("the new account's phone to register", () => registered().has(username));
    const account = await db.sipAccount.findUniqueOrThrow({ where: { username }, select: { id: true } });
    await eventually("its registration to reach the database", async () => (await db.registration.findUnique({ where: { sipAccountId: account.id } }))?.state === "REGISTERED");
  });

  it("leaves a phone taken offline alone when another account changes", async () => {
    const first = await newExtension("402");
    await eventually("the first phone to register", () => registered().has(first));
    h.sim.scenario.unregisterPhone(first);
    const second = await newExtension("403");
    await eventually("the second phone to register", () => registered().has(second));
    expect(registered().has(first)).toBe(false);
  });
});
