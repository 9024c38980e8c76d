import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/tests/fixtures/seed-tenant";
import { DEMO_USERS, seedDemoOnce } from "./seed";

describe("[NUMBERS] demo seed", () => {
  it("stocks Demo Telecom with tiered UK numbers once, and the list prices them with premiums", async () => {
    await seedDemoOnce();
    await seedDemoOnce(); // the start-up path for an already seeded database

    const partner = await db.partner.findUniqueOrThrow({ where: { name: "Demo Telecom" } });
    const states = await db.did.groupBy({ by: ["state"], where: { partnerId: partner.id }, _count: true, orderBy: { state: "asc" } });
    expect(states.map((s) => [s.state, s._count])).toEqual([["AVAILABLE", 25], ["ASSIGNED", 2], ["QUARANTINED", 1], ["RETIRED", 1]]);
    expect((await db.didPrice.findMany({ where: { partnerId: partner.id }, orderBy: { countryIso: "asc" } })).map((p) => p.countryIso)).toEqual(["GB", "US"]);

    const admin = await callerFor((await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.partnerAdmin } })).id);
    const { items } = await admin.didInventory.find({ search: "020 7946", state: "AVAILABLE", sort: "number" });
    const byNumber = new Map(items.map((d) => [d.number, [d.tier?.name ?? null, d.setupFee, d.monthlyFee]]));
    expect(byNumber.get("+442079460000")).toEqual(["Gold", "55", "7.5"]);
    expect(byNumber.get("+442079460123")).toEqual(["Silver", "25", "4.5"]);
    expect(byNumber.get("+442079460505")).toEqual(["Bronze", "10", "2.5"]);
    expect(byNumber.get("+442079460017")).toEqual([null, "5", "2.5"]);
    // The customers' own numbers are untouched.
    expect(await db.did.count({ where: { number: { in: ["+442071234500", "+442071234600"] }, state: "ASSIGNED" } })).toBe(2);
  });
});
