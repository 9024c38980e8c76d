/** Refusal retention (issue 14): old refusals of every company go, recent ones stay. */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { deleteOldRefusals, REFUSAL_RETENTION_DAYS } from "./refusal-retention";

const DAY_MS = 86_400_000;
const NOW = new Date(Date.UTC(2026, 11, 7, 12));
let tenants: string[];

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenants = [(await seedTenant({ partnerId: partner.id })).tenant.id, (await seedTenant({ partnerId: partner.id })).tenant.id];
});

/** A refusal whose last hit was `daysAgo` days before NOW. */
async function refusalAged(tenantId: string, daysAgo: number) {
  const at = new Date(NOW.getTime() - daysAgo * DAY_MS);
  const row = await db.callbackRefusal.create({
    data: { tenantId, source: "WIDGET", reason: "RATE_LIMITED", detail: "Too many.", dedupeKey: randomBytes(8).toString("hex"), minute: at, firstAt: at, lastAt: at },
  });
  return row.id;
}

describe("[CALLBACK_REFUSAL_RETENTION]", () => {
  it("deletes every company's refusals older than the retention period, in batches, and keeps the rest", async () => {
    const old = [];
    for (const tenantId of tenants) for (let i = 0; i < 3; i++) old.push(await refusalAged(tenantId, REFUSAL_RETENTION_DAYS + 1 + i));
    const kept = [await refusalAged(tenants[0]!, REFUSAL_RETENTION_DAYS - 1), await refusalAged(tenants[1]!, 0)];
    expect(await deleteOldRefusals({ now: NOW, batchSize: 2 })).toBe(old.length);
    const left = await db.callbackRefusal.findMany({ where: { id: { in: [...old, ...kept] } }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([...kept].sort());
    expect(await deleteOldRefusals({ now: NOW })).toBe(0);
  });
});
