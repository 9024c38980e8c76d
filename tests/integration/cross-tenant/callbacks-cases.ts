/** Cross-tenant cases of the web-callback procedures (issue 14); spread into cross-tenant.integration.test.ts. */
import { expect } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "../../fixtures/procedures";
import { seedLineExtension } from "../../fixtures/seed-media";
import type { Case, World } from "./case-types";

let nextNumber = 870;
const globexRequest = ({ globex }: World) =>
  db.callbackRequest.create({ data: { tenantId: globex.tenant.id, source: "PORTAL", dialled: "200", requestedByUserId: globex.admin.id } });

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
};
