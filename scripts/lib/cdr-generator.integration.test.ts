/**
 * The CDR generator on a small scale: it refuses a database that has companies of its own
 * unless forced, and both of its rollup modes leave CallDailyRollup equal to the CDRs.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { generateCdrs, GENERATOR_PARTNER } from "./cdr-generator";

const url = () => process.env.DATABASE_URL!;
const quiet = () => {};

async function rollupMatchesCdrs(tenantIds: string[]) {
  for (const tenantId of tenantIds) {
    const cdrs = await db.callRecord.groupBy({ by: ["direction"], where: { tenantId }, _count: true, _sum: { cost: true } });
    const rollup = await db.callDailyRollup.groupBy({ by: ["direction"], where: { tenantId }, _sum: { calls: true, cost: true } });
    const byDirection = <T extends { direction: string }>(rows: T[]) => [...rows].sort((a, b) => a.direction.localeCompare(b.direction));
    expect(byDirection(rollup).map((r) => [r.direction, r._sum.calls, r._sum.cost?.toFixed(5)])).toEqual(
      byDirection(cdrs).map((c) => [c.direction, c._count, c._sum.cost?.toFixed(5) ?? "0.00000"]),
    );
  }
}

describe("[REPORTS] CDR generator", () => {
  it("loads realistic CDRs with the trigger on, refuses to run again, and with --force rebuilds the rollup itself", async () => {
    const first = await generateCdrs(url(), { cdrs: 3_000, tenants: 3, bigTenantExtensions: 40, days: 10, rollup: "trigger", batchRows: 1_000, log: quiet });
    expect(first.rows).toBe(3_000);
    expect(await db.callRecord.count()).toBe(3_000);
    expect(first.tenants[0]!.extensionIds).toHaveLength(40);
    await rollupMatchesCdrs(first.tenants.map((t) => t.id));

    const mix = await db.callRecord.groupBy({ by: ["direction", "disposition"], _count: true });
    expect(new Set(mix.map((m) => m.direction))).toEqual(new Set(["INBOUND", "OUTBOUND", "INTERNAL"]));
    expect(mix.find((m) => m.direction === "OUTBOUND" && m.disposition === "ANSWERED")!._count).toBeGreaterThan(300);
    // Costs only on outbound calls; nothing in the future.
    expect(await db.callRecord.count({ where: { direction: { not: "OUTBOUND" }, cost: { gt: 0 } } })).toBe(0);
    expect(await db.callRecord.count({ where: { direction: "OUTBOUND", cost: { gt: 0 } } })).toBeGreaterThan(0);
    expect(await db.callRecord.count({ where: { startedAt: { gt: new Date() } } })).toBe(0);

    await expect(generateCdrs(url(), { cdrs: 10, tenants: 1, log: quiet })).rejects.toThrow(/exists/);

    const second = await generateCdrs(url(), { cdrs: 2_000, tenants: 2, bigTenantExtensions: 20, days: 5, rollup: "rebuild", force: true, log: quiet });
    expect(second.partnerId).toBe(first.partnerId);
    expect(await db.partner.count({ where: { name: GENERATOR_PARTNER } })).toBe(1);
    await rollupMatchesCdrs([...first.tenants, ...second.tenants].map((t) => t.id));
  });

  it("refuses a database with companies it did not make", async () => {
    // Whatever the first test generated now reads as someone else's companies.
    await db.partner.updateMany({ where: { name: GENERATOR_PARTNER }, data: { name: "Renamed generator partner" } });
    const partner = await db.partner.create({ data: { name: "Real partner" } });
    await db.tenant.create({ data: { partnerId: partner.id, name: "Real customer" } });
    await expect(generateCdrs(url(), { cdrs: 10, tenants: 1, log: quiet })).rejects.toThrow(/customer companies/);
  });
});
