/**
 * Issue 14's acceptance, end to end through real HTTP, the intake, the worker and the ARI
 * simulator: a widget request from an allowed origin bridges the visitor to the hunt group;
 * another origin gets 403, the 6th request a minute from one IP 429 with Retry-After, a
 * premium-rate number 422 — and for none of the refused ones does the simulator see a dial.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as callbacksRoute from "@/app/api/widget/v1/widgets/[widgetId]/callbacks/route";
import { db } from "@/server/db";
import { serveRoutes } from "@/tests/fixtures/route-server";
import { seedWidget, WIDGET_ORIGIN } from "@/tests/fixtures/seed-callbacks";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, seedTariff, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { seedHuntGroup } from "@/tests/fixtures/seed-routing";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

let h: Harness;
let app: { url: string; close: () => Promise<void> };
let widgetId: string;
let agents: SeededExtension[];

beforeAll(async () => {
  const { partner } = await seedPartner();
  await seedTariff(partner.id, [{ prefix: "44", ratePerMinute: "0.02" }]);
  const { tenant } = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  await db.tenant.update({ where: { id: tenant.id }, data: { callbackMaxConcurrent: 50 } });
  agents = await seedExtensions(tenant.id, 2);
  const group = await seedHuntGroup(tenant.id, { number: "600", strategy: "RING_ALL", members: agents.map((a) => ({ extensionId: a.id })) });
  widgetId = (await seedWidget(tenant.id, { destination: { kind: "huntGroup", huntGroupId: group.id } })).id;
  h = await startHarness({ callbacks: { nodeId: "acceptance-node", pollMs: 500 } });
  for (const a of agents) h.sim.scenario.registerPhone({ endpoint: a.username });
  app = await serveRoutes([["/api/widget/v1/widgets/:widgetId/callbacks", callbacksRoute]]);
});

afterAll(async () => {
  await app?.close();
  await h?.stop();
});

const ask = (number: string, { origin = WIDGET_ORIGIN, ip = "203.0.113.10" }: { origin?: string; ip?: string } = {}) =>
  fetch(`${app.url}/api/widget/v1/widgets/${widgetId}/callbacks`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "x-forwarded-for": ip },
    body: JSON.stringify({ number, website: "" }),
  });
/** Every dial the simulator saw that mentions the number, in any form. */
const dialsOf = (e164: string) => h.sim.scenario.stats().events.filter((e) => e.type === "Dial" && JSON.stringify(e).includes(e164.slice(1)));

describe("[CALLBACK_ACCEPTANCE] the widget, from HTTP to a bridged call", () => {
  it("bridges a visitor from an allowed origin to the hunt group, with both legs' CDRs linked", async () => {
    const res = await ask("020 7946 0555");
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    // The visitor's phone (over the trunk) answers; then the hunt group rings and an agent answers.
    const row = await eventually("connected", () => db.callbackRequest.findFirst({ where: { id, state: "CONNECTED" } }), 10_000);
    expect(row.visitorNumber).toBe("+442079460555");
    const bridged = h.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(row.firstChannelId!) && b.channels.includes(row.secondChannelId!));
    expect(bridged).toBeDefined();
    h.sim.scenario.hangup(row.firstChannelId!);
    await eventually("completed", () => db.callbackRequest.findFirst({ where: { id, state: "COMPLETED" } }));
    const cdrs = await eventually("two CDRs", async () => {
      const found = await db.callRecord.findMany({ where: { callbackRequestId: id } });
      return found.length === 2 ? found : null;
    });
    expect(cdrs.map((c) => c.disposition)).toEqual(["ANSWERED", "ANSWERED"]);
  });

  it("refuses another origin (403), the 6th request a minute from one IP (429) and a premium number (422), dialling none", async () => {
    const foreign = await ask("020 7946 0601", { origin: "https://evil.example", ip: "203.0.113.20" });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("ORIGIN_NOT_ALLOWED");

    const premium = await ask("0909 879 0000", { ip: "203.0.113.21" });
    expect(premium.status).toBe(422);
    expect(((await premium.json()) as { error: { code: string } }).error.code).toBe("HIGH_RISK_NUMBER");

    const ip = "203.0.113.22";
    for (let i = 0; i < 5; i++) expect((await ask(`020 7946 07${i}0`, { ip })).status).toBe(201);
    const sixth = await ask("020 7946 0799", { ip });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);

    // The five accepted ones are rung (their visitors' phones); the refused numbers never are.
    await eventually("five accepted placed", async () => (dialsOf("+442079460740").length > 0 ? true : null), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const refused of ["+442079460601", "+449098790000", "+442079460799"]) expect(dialsOf(refused)).toEqual([]);
    expect(await db.callbackRequest.count({ where: { visitorNumber: { in: ["+442079460601", "+449098790000", "+442079460799"] } } })).toBe(0);
  });
});
