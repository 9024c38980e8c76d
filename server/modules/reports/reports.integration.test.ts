/**
 * The report procedures through tRPC, on CDRs the rollup trigger counted: who sees which
 * lines, who sees costs, ranges, the chart, and the keyset list of CDRs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { tenantDb } from "@/server/tenancy";
import { callerFor, seedPartner } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { insertCdrs, seedReportCompany } from "@/tests/fixtures/seed-reports";
import { listCallRecords } from "./queries";
import { getReportChart, getReportTable } from "./service";

const JANUARY = { range: { preset: "custom" as const, from: "2027-01-11", to: "2027-01-31" } };

describe("[REPORTS] report table and chart", () => {
  let world: Awaited<ReturnType<typeof seedReportCompany>>;
  let partnerId: string;

  beforeAll(async () => {
    partnerId = (await seedPartner()).partner.id;
    world = await seedReportCompany(partnerId);
    const { ext201, ext202 } = world;
    await insertCdrs(world.tenant.id, [
      { extensionId: ext201.id, direction: "INBOUND", disposition: "ANSWERED", startedAt: "2027-01-11T09:00:00Z", ringSec: 5, talkSec: 100 },
      { extensionId: ext201.id, direction: "OUTBOUND", disposition: "ANSWERED", startedAt: "2027-01-11T10:00:00Z", ringSec: 3, talkSec: 60, cost: "0.25" },
      { extensionId: ext201.id, direction: "INBOUND", disposition: "NO_ANSWER", startedAt: "2027-01-12T09:00:00Z" },
      { extensionId: ext202.id, direction: "INBOUND", disposition: "VOICEMAIL", startedAt: "2027-01-12T10:00:00Z" },
      { extensionId: ext202.id, direction: "INTERNAL", disposition: "ANSWERED", startedAt: "2027-01-13T11:00:00Z", ringSec: 2, talkSec: 30 },
      { extensionId: null, direction: "INBOUND", disposition: "REJECTED", startedAt: "2027-01-12T11:00:00Z" },
      // Outside the range (a day after it ends, and the evening before it starts).
      { extensionId: ext201.id, direction: "INBOUND", disposition: "ANSWERED", startedAt: "2027-02-01T00:00:00Z", ringSec: 1, talkSec: 10 },
      { extensionId: ext201.id, direction: "OUTBOUND", disposition: "ANSWERED", startedAt: "2027-01-10T23:59:59Z", ringSec: 1, talkSec: 10, cost: "5" },
    ]);
  });

  it("gives an admin every extension, company numbers, the total and the per-person average, with costs", async () => {
    const table = await (await callerFor(world.admin.id)).reports.table(JANUARY);
    expect(table).toMatchObject({ from: "2027-01-11", to: "2027-01-31", timeZone: "Europe/London", currency: "GBP", showsCosts: true });
    expect(table.rows).toEqual([
      { extensionId: world.ext201.id, label: "201 Alice Archer", callsIn: 2, callsOut: 1, missed: 1, answered: 2, answeredRate: 0.6667, talkSec: 160, avgTalkSec: 80, avgRingSec: 4, cost: "0.25" },
      { extensionId: world.ext202.id, label: "202 Bob Baker", callsIn: 1, callsOut: 1, missed: 1, answered: 1, answeredRate: 0.5, talkSec: 30, avgTalkSec: 30, avgRingSec: 2, cost: "0" },
      { extensionId: world.ext203.id, label: "203 Reception", callsIn: 0, callsOut: 0, missed: 0, answered: 0, answeredRate: null, talkSec: 0, avgTalkSec: null, avgRingSec: null, cost: "0" },
      { extensionId: null, label: "Company numbers", callsIn: 1, callsOut: 0, missed: 0, answered: 0, answeredRate: 0, talkSec: 0, avgTalkSec: null, avgRingSec: null, cost: "0" },
    ]);
    expect(table.total).toEqual({ extensionId: null, label: "Total", callsIn: 4, callsOut: 2, missed: 2, answered: 3, answeredRate: 0.5, talkSec: 190, avgTalkSec: 63, avgRingSec: 3, cost: "0.25" });
    expect(table.averagePerExtension).toEqual({ callsIn: 1, callsOut: 0.67, missed: 0.67, answered: 1, answeredRate: 0.6, talkSec: 63.33, avgTalkSec: 63, avgRingSec: 3, cost: "0.08333" });
  });

  it("gives an extension user only their own extension, and no costs under the default policy", async () => {
    const table = await (await callerFor(world.alice.id)).reports.table(JANUARY);
    expect(table.rows.map((r) => r.label)).toEqual(["201 Alice Archer"]);
    expect(table.total).toMatchObject({ callsIn: 2, callsOut: 1, cost: null });
    expect(table.showsCosts).toBe(false);
    // Naming a colleague's extension gives nothing, not the colleague's calls.
    const other = await (await callerFor(world.alice.id)).reports.table({ ...JANUARY, extensionIds: [world.ext202.id] });
    expect(other.rows).toEqual([]);
    expect(other.total).toMatchObject({ callsIn: 0, callsOut: 0 });
  });

  it("narrows an admin's report to extensionIds, without the whole-company lines", async () => {
    const table = await (await callerFor(world.admin.id)).reports.table({ ...JANUARY, extensionIds: [world.ext202.id, world.ext203.id] });
    expect(table.rows.map((r) => r.label)).toEqual(["202 Bob Baker", "203 Reception"]);
    expect(table.total).toMatchObject({ callsIn: 1, callsOut: 1, answered: 1 });
  });

  it("shows costs exactly as canSeeCallCosts decides", async () => {
    const costsFor = async (userId: string) => (await (await callerFor(userId)).reports.table(JANUARY)).total.cost;
    await db.partner.update({ where: { id: partnerId }, data: { callCostVisibility: "EVERYONE" } });
    expect(await costsFor(world.alice.id)).toBe("0.25");
    await db.sipAccount.update({ where: { id: world.ext201.sipAccountId! }, data: { showCallCosts: false } });
    expect(await costsFor(world.alice.id)).toBeNull();
    await db.tenant.update({ where: { id: world.tenant.id }, data: { callCostVisibility: "HIDDEN" } });
    expect(await costsFor(world.admin.id)).toBeNull();
    await db.tenant.update({ where: { id: world.tenant.id }, data: { callCostVisibility: null, showCallCosts: false } });
    expect(await costsFor(world.admin.id)).toBeNull();
    await db.tenant.update({ where: { id: world.tenant.id }, data: { showCallCosts: true } });
    await db.partner.update({ where: { id: partnerId }, data: { callCostVisibility: "ADMINS" } });
    await db.sipAccount.update({ where: { id: world.ext201.sipAccountId! }, data: { showCallCosts: true } });
    expect(await costsFor(world.admin.id)).toBe("0.25");
  });

  it("reads today, this week and this month from the rollup the trigger keeps current", async () => {
    const scope = { tenantId: world.tenant.id, db: tenantDb(world.tenant.id) };
    const admin = { id: world.admin.id, role: "CUSTOMER_ADMIN" as const };
    // Wednesday 2027-01-13 at 12:00.
    const now = new Date("2027-01-13T12:00:00Z");
    expect((await getReportTable(scope, admin, { range: { preset: "today" } }, now)).total).toMatchObject({ callsIn: 0, callsOut: 1 });
    const week = await getReportTable(scope, admin, { range: { preset: "week" } }, now);
    expect([week.from, week.to, week.total.callsIn, week.total.callsOut]).toEqual(["2027-01-11", "2027-01-13", 4, 2]);
    const month = await getReportTable(scope, admin, { range: { preset: "month" } }, now);
    // The 10th's late call is in January too.
    expect([month.from, month.total.callsOut, month.total.cost]).toEqual(["2027-01-01", 3, "5.25"]);
    await insertCdrs(world.tenant.id, [{ extensionId: world.ext203.id, direction: "INBOUND", disposition: "ANSWERED", startedAt: "2027-01-13T11:59:00Z", ringSec: 4, talkSec: 20 }]);
    expect((await getReportTable(scope, admin, { range: { preset: "today" } }, now)).rows.find((r) => r.extensionId === world.ext203.id)).toMatchObject({ callsIn: 1, answered: 1 });
  });

  it("refuses a custom range longer than MAX_REPORT_DAYS", async () => {
    const admin = await callerFor(world.admin.id);
    await expectTrpcError(admin.reports.table({ range: { preset: "custom", from: "2026-01-01", to: "2027-01-02" } }), "BAD_REQUEST");
    await expectTrpcError(admin.reports.chart({ range: { preset: "custom", from: "2027-01-02", to: "2027-01-01" } }), "BAD_REQUEST");
  });

  it("charts each extension, the company's answered vs missed, and every day of the range", async () => {
    const chart = await (await callerFor(world.admin.id)).reports.chart({ range: { preset: "custom", from: "2027-01-11", to: "2027-01-12" } });
    expect(chart.extensions).toEqual([
      { extensionId: world.ext201.id, label: "201 Alice Archer", calls: 3, answered: 2, missed: 1, talkSec: 160 },
      { extensionId: world.ext202.id, label: "202 Bob Baker", calls: 1, answered: 0, missed: 1, talkSec: 0 },
      { extensionId: world.ext203.id, label: "203 Reception", calls: 0, answered: 0, missed: 0, talkSec: 0 },
    ]);
    expect(chart.company).toEqual({ calls: 5, answered: 2, missed: 2 });
    expect(chart.days).toEqual([{ day: "2027-01-11", calls: 2, answered: 2, missed: 0 }, { day: "2027-01-12", calls: 3, answered: 0, missed: 2 }]);
    const own = await getReportChart({ tenantId: world.tenant.id, db: tenantDb(world.tenant.id) }, { id: world.bob.id, role: "EXTENSION_USER" }, { range: { preset: "custom", from: "2027-01-11", to: "2027-01-12" } });
    expect(own.extensions.map((e) => e.label)).toEqual(["202 Bob Baker"]);
    expect(own.company).toEqual({ calls: 1, answered: 0, missed: 1 });
  });
});

describe("[REPORTS] listCallRecords", () => {
  it("pages newest first by keyset, ties on startedAt broken by id, with no call twice or lost", async () => {
    const { partner } = await seedPartner();
    const world = await seedReportCompany(partner.id);
    const same = "2027-05-01T10:00:00Z";
    await insertCdrs(world.tenant.id, [
      { extensionId: world.ext201.id, direction: "INBOUND", disposition: "ANSWERED", startedAt: same, talkSec: 1 },
      { extensionId: world.ext202.id, direction: "INBOUND", disposition: "ANSWERED", startedAt: same, talkSec: 2 },
      { extensionId: world.ext201.id, direction: "OUTBOUND", disposition: "BUSY", startedAt: same },
      { extensionId: world.ext201.id, direction: "INBOUND", disposition: "NO_ANSWER", startedAt: "2027-05-01T09:00:00.123Z" },
      { extensionId: null, direction: "INBOUND", disposition: "FAILED", startedAt: "2027-05-02T08:00:00Z" },
    ]);
    const db = tenantDb(world.tenant.id);
    const all = await db.callRecord.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: { id: true } });
    const seen: string[] = [];
    let before: { startedAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listCallRecords(db, world.tenant.id, { before, limit: 2 });
      if (page.length === 0) break;
      seen.push(...page.map((c) => c.id));
      const last = page[page.length - 1]!;
      before = { startedAt: last.startedAt, id: last.id };
    }
    expect(seen).toEqual(all.map((c) => c.id));

    const first = (await listCallRecords(db, world.tenant.id, { limit: 1 }))[0]!;
    expect(first).toMatchObject({ direction: "INBOUND", disposition: "FAILED", extensionId: null, cost: null });
    expect(first.startedAt.toISOString()).toBe("2027-05-02T08:00:00.000Z");
    const alices = await listCallRecords(db, world.tenant.id, { limit: 10, extensionIds: [world.ext201.id] });
    expect(alices.map((c) => c.extensionId)).toEqual([world.ext201.id, world.ext201.id, world.ext201.id]);
    const window = await listCallRecords(db, world.tenant.id, { limit: 10, since: new Date("2027-05-01T09:00:00.123Z"), until: new Date(same) });
    expect(window.map((c) => c.disposition)).toEqual(["NO_ANSWER"]);
    expect(await listCallRecords(db, world.tenant.id, { limit: 10, extensionIds: [] })).toEqual([]);
    await expect(listCallRecords(db, world.tenant.id, { limit: 0 })).rejects.toThrow(RangeError);
  });
});
