import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedDemoOnce } from "./seed";
import { DEMO_OPENING_CREDIT } from "./seed-billing";
import { runRecurringCharges } from "@/server/modules/billing/system/recurring-charges";

describe("[BILLING] demo seed", () => {
  it("prices the demo, credits each customer £50 once, and changes nothing when run again", async () => {
    await seedDemoOnce();
    await seedDemoOnce(); // the start-up path for an already seeded database

    const plans = await db.accountPlan.findMany({ include: { bands: { orderBy: { minQuantity: "asc" } } }, orderBy: { accountType: "asc" } });
    expect(plans.map((p) => [p.accountType, p.isDefault, p.bands.map((b) => `${b.minQuantity}-${b.maxQuantity ?? ""}:${b.monthlyPrice.toFixed(2)}`)])).toEqual([
      ["CENTREX_LINE", true, ["1-5:5.99", "6-10:4.99", "11-:3.99"]],
      ["FAX", true, ["1-:3.00"]],
      ["VOICEMAIL", true, ["1-:1.50"]],
    ]);

    const credits = await db.ledgerEntry.findMany({ where: { idempotencyKey: DEMO_OPENING_CREDIT.idempotencyKey }, include: { tenant: { select: { name: true } } } });
    expect(credits.map((c) => [c.tenant.name, c.amount.toFixed(2), c.kind]).sort()).toEqual([
      ["Acme Ltd", "50.00", "CREDIT_MANUAL"],
      ["Globex Corp", "50.00", "CREDIT_MANUAL"],
    ]);

    // Acme's 4 and Globex's 3 demo lines are in the 1–5 band.
    const accounts = await db.sipAccount.findMany({ select: { monthlyPrice: true, priceCurrency: true } });
    expect(accounts).toHaveLength(7);
    expect(new Set(accounts.map((a) => `${a.monthlyPrice?.toFixed(2)} ${a.priceCurrency}`))).toEqual(new Set(["5.99 GBP"]));

    // The worker's recurring run at start leaves the demo month alone; next month is charged.
    expect((await runRecurringCharges(new Date())).charged).toBe(0);
    const nextMonth = new Date();
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1, 1);
    expect((await runRecurringCharges(nextMonth)).charged).toBe(7);
  });
});
