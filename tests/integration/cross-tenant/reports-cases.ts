/** Cross-tenant cases of the call reports procedures (issue 13); spread into cross-tenant.integration.test.ts. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/server/db";
import { insertCdrs } from "../../fixtures/seed-reports";
import type { Case, World } from "./case-types";

const RANGE = { preset: "custom" as const, from: "2031-06-01", to: "2031-06-30" };
let extensionNumber = 860;

/** A Globex extension with calls in RANGE, made directly. */
async function globexExtensionWithCalls({ globex }: World) {
  const sip = await db.sipAccount.create({ data: { tenantId: globex.tenant.id, username: `gr-${randomUUID().slice(0, 10)}`, authMd5: "0".repeat(32) } });
  const number = String(extensionNumber++);
  const ext = await db.extension.create({ data: { tenantId: globex.tenant.id, number, displayName: `Globex ${number}`, sipAccountId: sip.id } });
  await insertCdrs(globex.tenant.id, [
    { extensionId: ext.id, direction: "OUTBOUND", disposition: "ANSWERED", startedAt: "2031-06-10T10:00:00Z", ringSec: 2, talkSec: 50, cost: "7.5" },
    { extensionId: null, direction: "INBOUND", disposition: "NO_ANSWER", startedAt: "2031-06-10T11:00:00Z" },
  ]);
  return ext;
}

export const REPORTS_CASES: Record<string, Case> = {
  "reports.table": async (acme, world) => {
    const theirs = await globexExtensionWithCalls(world);
    const all = await acme.reports.table({ range: RANGE });
    expect(all.rows.map((r) => r.extensionId)).not.toContain(theirs.id);
    expect(all.total).toMatchObject({ callsIn: 0, callsOut: 0, cost: "0" });
    const named = await acme.reports.table({ range: RANGE, extensionIds: [theirs.id] });
    expect(named.rows).toEqual([]);
    expect(named.total).toMatchObject({ callsIn: 0, callsOut: 0 });
  },
  "reports.chart": async (acme, world) => {
    const theirs = await globexExtensionWithCalls(world);
    const all = await acme.reports.chart({ range: RANGE });
    expect(all.extensions.map((e) => e.extensionId)).not.toContain(theirs.id);
    expect(all.company).toEqual({ calls: 0, answered: 0, missed: 0 });
    expect(all.days.every((d) => d.calls === 0)).toBe(true);
    const named = await acme.reports.chart({ range: RANGE, extensionIds: [theirs.id] });
    expect(named.extensions).toEqual([]);
  },
};
