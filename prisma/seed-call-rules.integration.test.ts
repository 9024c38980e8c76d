import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/tests/fixtures/seed-tenant";
import { DEMO_USERS, seedDemoOnce } from "./seed";
import { UK_BANK_HOLIDAYS } from "./seed-call-rules";

describe("[CALL_RULES] demo seed", () => {
  it("gives both demo companies the bank holidays and their demo rules, once", async () => {
    await seedDemoOnce();
    await seedDemoOnce(); // the start-up path for an already seeded database
    const acmeAdmin = await callerFor((await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.acmeAdmin } })).id);
    expect((await acmeAdmin.holidays.list()).length).toBe(UK_BANK_HOLIDAYS.length);
    const acmeDid = await db.did.findUniqueOrThrow({ where: { number: "+442071234500" } });
    const { rules } = await acmeAdmin.callRules.list({ owner: { didId: acmeDid.id } });
    expect(rules.map((r) => [r.name, r.isEnabled])).toEqual([["Callers from France", true]]);
    const globexDid = await db.did.findUniqueOrThrow({ where: { number: "+442071234600" } });
    expect((await db.callRule.findMany({ where: { didId: globexDid.id } })).map((r) => r.name)).toEqual(["Closed on holidays"]);
    expect(await db.callRule.count({ where: { extension: { number: "202" }, isEnabled: false } })).toBe(1);
  });
});
