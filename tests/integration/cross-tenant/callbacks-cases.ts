/** Cross-tenant cases of the web-callback procedures (issue 14); spread into cross-tenant.integration.test.ts. */
import { expect } from "vitest";
import { db } from "@/server/db";
import { generateApiKey } from "@/server/modules/callbacks/api-keys/key-material";
import { expectTrpcError } from "../../fixtures/procedures";
import { seedLineExtension } from "../../fixtures/seed-media";
import { seedCallbackWidget, widgetInput } from "../../fixtures/seed-callback-widgets";
import type { Case, World } from "./case-types";

let nextNumber = 870;
const globexRequest = ({ globex }: World) =>
  db.callbackRequest.create({ data: { tenantId: globex.tenant.id, source: "PORTAL", dialled: "200", requestedByUserId: globex.admin.id } });
let nextApiKeyExtension = 760;
/** A Globex key, made directly (the case is about Acme reaching it). */
async function globexApiKey({ globex }: World) {
  const m = generateApiKey();
  return db.apiKey.create({ data: { tenantId: globex.tenant.id, name: `Globex ${m.prefix}`, prefix: m.prefix, secretHash: m.secretHash } });
}
const globexLine = async ({ globex }: World) => (await seedLineExtension(globex.tenant.id, String(nextApiKeyExtension++))).sipAccountId!;

/** An Acme hunt group a widget may ring, made directly. */
const acmeGroup = ({ acme }: World, number: string) => db.huntGroup.create({ data: { tenantId: acme.tenant.id, number, name: `Acme ${number}` } });
const globexWidget = ({ globex }: World, name: string) => seedCallbackWidget(globex.tenant.id, name);

export const CALLBACK_CASES: Record<string, Case> = {
  "callbacks.clickToCall": async (acme, { globex }) => {
    const theirs = await seedLineExtension(globex.tenant.id, String(nextNumber++));
    await expectTrpcError(acme.callbacks.clickToCall({ sipAccountId: theirs.sipAccountId!, number: theirs.number }), "NOT_FOUND");
    expect(await db.callbackRequest.count({ where: { sipAccountId: theirs.sipAccountId } })).toBe(0);
  },
  "callbacks.status": async (acme, world) => {
    const theirs = await globexRequest(world);
    await expectTrpcError(acme.callbacks.status({ id: theirs.id }), "NOT_FOUND");
  },
  "callbacks.recent": async (acme, world) => {
    const theirs = await globexRequest(world);
    expect((await acme.callbacks.recent({})).items.map((r) => r.id)).not.toContain(theirs.id);
  },
  "callbacks.refusals": async (acme, { globex }) => {
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const theirs = await db.callbackRefusal.create({ data: { tenantId: globex.tenant.id, source: "WIDGET", reason: "RATE_LIMITED", detail: "x", dedupeKey: `x-${nextNumber++}`, minute } });
    expect((await acme.callbacks.refusals({})).items.map((r) => r.id)).not.toContain(theirs.id.toString());
  },
  "callbacks.fromAccounts": async (acme, { globex }) => {
    const theirs = await seedLineExtension(globex.tenant.id, String(nextNumber++));
    expect((await acme.callbacks.fromAccounts()).map((a) => a.sipAccountId)).not.toContain(theirs.sipAccountId);
  },
  "apiKeys.list": async (acme, world) => {
    const theirs = await globexApiKey(world);
    expect((await acme.apiKeys.list()).map((k) => k.id)).not.toContain(theirs.id);
  },
  "apiKeys.scopes": async (acme, world) => {
    const theirs = await globexLine(world);
    expect((await acme.apiKeys.scopes()).map((s) => s.sipAccountId)).not.toContain(theirs);
  },
  "apiKeys.create": async (acme, world) => {
    // Globex's line cannot scope an Acme key; a key lands in Acme whatever the input says.
    const theirs = await globexLine(world);
    await expectTrpcError(acme.apiKeys.create({ name: "Stolen line", sipAccountId: theirs }), "NOT_FOUND");
    const input = { name: "Ours", tenantId: world.globex.tenant.id } as Parameters<typeof acme.apiKeys.create>[0];
    const created = await acme.apiKeys.create(input);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } })).tenantId).toBe(world.acme.tenant.id);
  },
  "apiKeys.update": async (acme, world) => {
    const theirs = await globexApiKey(world);
    await expectTrpcError(acme.apiKeys.update({ id: theirs.id, name: "Hijacked", sipAccountId: null, rateLimitPerMinute: 600 }), "NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe(theirs.name);
  },
  "apiKeys.revoke": async (acme, world) => {
    const theirs = await globexApiKey(world);
    await expectTrpcError(acme.apiKeys.revoke({ id: theirs.id }), "NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  },
  "callbackWidgets.list": async (acme, world) => {
    const theirs = await globexWidget(world, "Globex list");
    expect((await acme.callbackWidgets.list()).map((w) => w.id)).not.toContain(theirs.id);
  },
  "callbackWidgets.get": async (acme, world) => expectTrpcError(acme.callbackWidgets.get({ id: (await globexWidget(world, "Globex get")).id }), "NOT_FOUND"),
  "callbackWidgets.formOptions": async (acme) => {
    // Nothing of any company's: the server's settings only.
    expect(Object.keys(await acme.callbackWidgets.formOptions()).sort()).toEqual(["isCaptchaAvailable", "scriptOrigin"]);
  },
  "callbackWidgets.create": async (acme, world) => {
    // Globex's hunt group cannot be rung; Globex's widget name does not block Acme's.
    const theirs = await globexWidget(world, "Shared widget name");
    const theirGroup = theirs.destination as { kind: "huntGroup"; huntGroupId: string };
    await expectTrpcError(acme.callbackWidgets.create(widgetInput(theirGroup, { name: "Shared widget name" })), "NOT_FOUND");
    const created = await acme.callbackWidgets.create(widgetInput({ kind: "huntGroup", huntGroupId: (await acmeGroup(world, "9101")).id }, { name: "Shared widget name" }));
    expect((await db.callbackWidget.findUniqueOrThrow({ where: { id: created.id } })).tenantId).toBe(world.acme.tenant.id);
  },
  "callbackWidgets.update": async (acme, world) => {
    const theirs = await globexWidget(world, "Globex update");
    const group = await acmeGroup(world, "9102");
    await expectTrpcError(acme.callbackWidgets.update({ id: theirs.id, ...widgetInput({ kind: "huntGroup", huntGroupId: group.id }, { name: "Hijacked" }) }), "NOT_FOUND");
    expect((await db.callbackWidget.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Globex update");
  },
  "callbackWidgets.delete": async (acme, world) => {
    const theirs = await globexWidget(world, "Globex delete");
    await expectTrpcError(acme.callbackWidgets.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.callbackWidget.count({ where: { id: theirs.id } })).toBe(1);
  },
  "callbackWidgets.testCall": async (acme, world) => {
    const theirs = await globexWidget(world, "Globex test call");
    await expectTrpcError(acme.callbackWidgets.testCall({ id: theirs.id }), "NOT_FOUND");
    expect(await db.callbackRequest.count({ where: { widgetId: theirs.id } })).toBe(0);
  },
  "callbackWidgets.testStatus": async (acme, world) => {
    const theirs = await globexWidget(world, "Globex status");
    const request = await db.callbackRequest.create({
      data: { tenantId: world.globex.tenant.id, source: "WIDGET", widgetId: theirs.id, visitorNumber: "+441632960002", destination: theirs.destination as object, order: "VISITOR_FIRST" },
    });
    await expectTrpcError(acme.callbackWidgets.testStatus({ requestId: request.id }), "NOT_FOUND");
  },
};
