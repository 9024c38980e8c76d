import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedSipAccounts } from "@/tests/fixtures/seed-billing";
import { eventually } from "@/tests/fixtures/telephony-harness";
import { scheduleRecurringCharges } from "./billing-schedule";
import { createLogger } from "./log";

describe("[BILLING] the worker's recurring-charge schedule", () => {
  it("charges due accounts at start, and two workers scheduling at once charge each once", async () => {
    const { partner } = await seedPartner();
    const { tenant } = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    // Bought last month, so this month's charge is due.
    await seedSipAccounts(tenant.id, 3, { monthlyPrice: "2.50", createdAt: new Date(Date.now() - 45 * 86_400_000) });
    const log = createLogger({ write: () => {} });
    const workers = [scheduleRecurringCharges(log), scheduleRecurringCharges(log)];
    await eventually("three recurring charges", async () => (await db.recurringCharge.count({ where: { tenantId: tenant.id } })) === 3);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the second runner finish too
    workers.forEach((w) => w.stop());
    expect(await db.ledgerEntry.count({ where: { tenantId: tenant.id, kind: "RECURRING" } })).toBe(3);
  });
});
