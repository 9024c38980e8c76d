import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { balanceOf, seedSipAccounts } from "@/tests/fixtures/seed-billing";
import { runRecurringCharges } from "./recurring-charges";

const NOVEMBER = new Date("2026-11-15T10:00:00Z");
const DECEMBER = new Date("2026-12-01T00:05:00Z");

async function customer() {
  const { partner } = await seedPartner();
  return (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
}

describe("[BILLING] monthly recurring charges", () => {
  it("charges each priced account once per period, however often the job runs", async () => {
    const a = await customer();
    const b = await customer();
    await seedSipAccounts(a, 3, { monthlyPrice: "4.99", createdAt: NOVEMBER });
    await seedSipAccounts(b, 2, { monthlyPrice: "0.33333", createdAt: NOVEMBER });
    await seedSipAccounts(b, 1, { monthlyPrice: null, createdAt: NOVEMBER }); // not billed

    const first = await runRecurringCharges(DECEMBER);
    const again = await runRecurringCharges(DECEMBER);
    expect([first, again]).toEqual([{ period: "2026-12", charged: 5 }, { period: "2026-12", charged: 0 }]);
    expect([await balanceOf(a), await balanceOf(b)]).toEqual(["-14.97", "-0.66666"]);
    expect(await db.ledgerEntry.count({ where: { kind: "RECURRING" } })).toBe(5);
    // The next month is a new period.
    expect((await runRecurringCharges(new Date("2027-01-01T00:00:00Z"))).charged).toBe(5);
  });

  it("charges once when several runners race, in small batches", async () => {
    const t = await customer();
    await seedSipAccounts(t, 40, { monthlyPrice: "1", createdAt: NOVEMBER });
    const runs = await Promise.all([1, 2, 3, 4].map(() => runRecurringCharges(DECEMBER, 7)));
    expect(runs.reduce((sum, r) => sum + r.charged, 0)).toBe(40);
    expect(await balanceOf(t)).toBe("-40");
    const charges = await db.recurringCharge.findMany({ where: { tenantId: t } });
    expect(new Set(charges.map((c) => c.sipAccountId)).size).toBe(40);
    // Each charge points at its own ledger entry.
    const entries = await db.ledgerEntry.findMany({ where: { id: { in: charges.map((c) => c.ledgerEntryId!) } } });
    expect(entries).toHaveLength(40);
  });

  it("does not charge again for the month a purchase already paid, nor accounts created later", async () => {
    const t = await customer();
    await seedSipAccounts(t, 1, { monthlyPrice: "2", createdAt: new Date("2026-12-20T00:00:00Z") });
    await runRecurringCharges(DECEMBER);
    expect(await db.recurringCharge.count({ where: { tenantId: t } })).toBe(0);
    const [account] = await db.sipAccount.findMany({ where: { tenantId: t } });
    await db.recurringCharge.create({ data: { tenantId: t, sipAccountId: account!.id, period: "2027-01", amount: "2", currency: "GBP" } });
    // Earlier tests' accounts are charged for January too; this tenant's paid month is not.
    await runRecurringCharges(new Date("2027-01-02T00:00:00Z"));
    expect(await db.recurringCharge.count({ where: { tenantId: t } })).toBe(1);
    expect(await balanceOf(t)).toBe("0");
  });
});
