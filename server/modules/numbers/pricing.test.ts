import { describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import { priceWithTier } from "./pricing";

const D = (v: string) => new Prisma.Decimal(v);

describe("priceWithTier", () => {
  it("charges the base price for a standard number", () => {
    const fees = priceWithTier({ setupPrice: D("5"), monthlyPrice: D("1.5") }, null);
    expect([fees.setupFee.toString(), fees.monthlyFee.toString()]).toEqual(["5", "1.5"]);
  });

  it("adds the tier's setup and monthly premiums", () => {
    const fees = priceWithTier({ setupPrice: D("5"), monthlyPrice: D("1.5") }, { setupPremium: D("50"), monthlyPremium: D("5") });
    expect([fees.setupFee.toString(), fees.monthlyFee.toString()]).toEqual(["55", "6.5"]);
  });

  it("stays exact to five decimal places where floats would drift", () => {
    const fees = priceWithTier({ setupPrice: D("0.1"), monthlyPrice: D("0.00001") }, { setupPremium: D("0.2"), monthlyPremium: D("0.00002") });
    expect([fees.setupFee.toString(), fees.monthlyFee.toString()]).toEqual(["0.3", "0.00003"]);
  });

  it("accepts a zero premium (a tier that only marks a number)", () => {
    const fees = priceWithTier({ setupPrice: D("2"), monthlyPrice: D("3") }, { setupPremium: D("0"), monthlyPremium: D("0") });
    expect([fees.setupFee.toString(), fees.monthlyFee.toString()]).toEqual(["2", "3"]);
  });

  it("returns Decimals the caller can keep computing with", () => {
    const fees = priceWithTier({ setupPrice: "1", monthlyPrice: "2" }, { setupPremium: "3", monthlyPremium: "4" });
    expect(fees.setupFee).toBeInstanceOf(Prisma.Decimal);
    expect(fees.monthlyFee.times(12).toString()).toBe("72");
  });
});
