import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { callerFor, seedPartner } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { STANDARD_TIER } from "./schema";

type Caller = Awaited<ReturnType<typeof callerFor>>;

describe("[NUMBERS] partner tiers and country prices", () => {
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => {
    const seeded = await seedPartner();
    partnerId = seeded.partner.id;
    admin = await callerFor(seeded.admin.id);
  });

  it("gold and silver examples are priced as configured in the stock list", async () => {
    const gold = await admin.didTier.create({ name: "Gold", rank: 3, rules: [{ kind: "repeated", length: 4 }, { kind: "roundEnding", zeros: 3 }], setupPremium: "50", monthlyPremium: "5" });
    await admin.didTier.create({ name: "Silver", rank: 2, rules: [{ kind: "sequence", length: 4 }], setupPremium: "20", monthlyPremium: "2" });
    const csv = ["number,area,setup_price,monthly_price", "020 7946 0000,London,10,2", "020 7946 1234,London,10,2", "020 7946 0517,London,10,2"].join("\n");
    await admin.didInventory.import({ csv, mode: "allOrNothing", isDryRun: false });

    const { items } = await admin.didInventory.find({ sort: "number" });
    const priced = items.map((d) => [d.number, d.tier?.name ?? null, d.setupFee, d.monthlyFee, d.setupPrice]);
    expect(priced).toEqual([
      ["+442079460000", "Gold", "60", "7", "10"],
      ["+442079460517", null, "10", "2", "10"],
      ["+442079461234", "Silver", "30", "4", "10"],
    ]);
    expect((await admin.didInventory.find({ tierId: gold.id })).items.map((d) => d.number)).toEqual(["+442079460000"]);
    expect((await admin.didInventory.find({ tierId: STANDARD_TIER })).items.map((d) => d.number)).toEqual(["+442079460517"]);

    // A premium change reprices the list at once: tiers are computed, not stored on the number.
    const silver = (await admin.didTier.find()).tiers.find((t) => t.name === "Silver")!;
    await admin.didTier.update({ ...silver, setupPremium: "25", monthlyPremium: "2.5" });
    const again = (await admin.didInventory.find({ search: "1234" })).items[0]!;
    expect([again.setupFee, again.monthlyFee]).toEqual(["35", "4.5"]);
  });

  it("refuses an invalid pattern through the procedure, with a message", async () => {
    const err = await admin.didTier
      .create({ name: "Broken", rank: 9, rules: [{ kind: "regex", pattern: "(\\d+" }], setupPremium: "1", monthlyPremium: "0" })
      .then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((err as TRPCError).message).toContain("This is not a valid regular expression");
    const nested = admin.didTier.create({ name: "Slow", rank: 9, rules: [{ kind: "regex", pattern: "(1+)+$" }], setupPremium: "1", monthlyPremium: "0" });
    await expect(nested).rejects.toThrow(/Nested repetition/);
    await expectTrpcError(admin.didTier.create({ name: "Negative", rank: 9, rules: [{ kind: "repeated", length: 3 }], setupPremium: "-1", monthlyPremium: "0" }), "BAD_REQUEST");
    expect(await db.didTier.count({ where: { partnerId, rank: 9 } })).toBe(0);
  });

  it("refuses a second tier with the same rank, naming the tier that has it", async () => {
    const err = await admin.didTier
      .create({ name: "Platinum", rank: 3, rules: [{ kind: "repeated", length: 6 }], setupPremium: "100", monthlyPremium: "10" })
      .then(() => null, (e: unknown) => e);
    expect((err as TRPCError).code).toBe("CONFLICT");
    expect((err as TRPCError).message).toBe("Gold already has rank 3. Each tier needs its own rank; the highest matching rank wins.");
    const gold = (await admin.didTier.find()).tiers.find((t) => t.name === "Gold")!;
    // Saving a tier under its own rank is no conflict.
    await admin.didTier.update({ ...gold, monthlyPremium: "6" });
    await admin.didTier.delete({ id: gold.id });
    expect((await admin.didTier.find()).tiers.map((t) => t.name)).toEqual(["Silver"]);
  });

  it("upserts one price per country in the partner's currency, and deletes it", async () => {
    await admin.didPrice.upsert({ countryIso: "gb", setupPrice: "0", monthlyPrice: "1.5" });
    await admin.didPrice.upsert({ countryIso: "GB", setupPrice: "2", monthlyPrice: "1.25" });
    await admin.didPrice.upsert({ countryIso: "US", setupPrice: "1", monthlyPrice: "0.8" });
    expect((await admin.didPrice.find()).prices.map((p) => [p.countryIso, p.setupPrice, p.monthlyPrice, p.currency])).toEqual([
      ["GB", "2", "1.25", "GBP"],
      ["US", "1", "0.8", "GBP"],
    ]);
    await expectTrpcError(admin.didPrice.upsert({ countryIso: "XX", setupPrice: "1", monthlyPrice: "1" }), "BAD_REQUEST");
    await admin.didPrice.delete({ countryIso: "US" });
    await expectTrpcError(admin.didPrice.delete({ countryIso: "US" }), "NOT_FOUND");
    expect((await admin.didPrice.find()).prices.map((p) => p.countryIso)).toEqual(["GB"]);
    const actions = (await db.auditLog.findMany({ where: { partnerId, action: { startsWith: "numbers.price" } } })).map((a) => a.action);
    expect(actions.sort()).toEqual(["numbers.price.delete", "numbers.price.upsert", "numbers.price.upsert", "numbers.price.upsert"]);
  });
});
