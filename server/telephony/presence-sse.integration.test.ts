/**
 * Presence end to end: a phone registers with the (simulated) Asterisk, the worker writes the
 * Registration row and NOTIFYs, and a browser's SSE stream has the new state within 1 s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PresenceHub } from "@/server/realtime/presence-hub";
import { createPresenceStream } from "@/server/realtime/presence-stream";
import { sseReader } from "@/server/realtime/sse-test-reader";
import { seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

describe("[PRESENCE] simulator event to SSE client", () => {
  let harness: Harness;
  let hub: PresenceHub;
  let acme: SeededExtension;
  let globex: SeededExtension;
  let tenants: Awaited<ReturnType<typeof seedTwoTenants>>;
  const abort = new AbortController();

  beforeAll(async () => {
    tenants = await seedTwoTenants();
    [acme] = (await seedExtensions(tenants.acme.tenant.id, 1)) as [SeededExtension];
    [globex] = (await seedExtensions(tenants.globex.tenant.id, 1)) as [SeededExtension];
    hub = new PresenceHub({ connectionString: process.env.DATABASE_URL!, maxBackoffMs: 200 });
    await hub.ready();
    harness = await startHarness(); // provisions both accounts on connect
  });
  afterAll(async () => {
    abort.abort();
    await harness?.stop();
    await hub?.close();
  });

  it("delivers a phone's registration to its tenant's stream within 1 s, and nothing of another tenant", async () => {
    const sse = sseReader(createPresenceStream({ tenantId: tenants.acme.tenant.id, filter: null, signal: abort.signal, hub }));
    await sse.next(); // the "connected" comment
    harness.sim.scenario.registerPhone({ endpoint: globex.username, userAgent: "Globex phone" });
    const started = Date.now();
    harness.sim.scenario.registerPhone({ endpoint: acme.username, userAgent: "Yealink T54W", address: "203.0.113.7:5060" });
    const event = await sse.nextPresence(1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event).toMatchObject({ kind: "registration", sipAccountId: acme.sipAccountId, registration: { state: "REGISTERED" } });
  });
});
