import { describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import { formatMoney, purchaseDebit, quotePurchase, toBands, validateBands, type BandInput } from "./domain";
import { billingPeriod, minorUnitDigits } from "./money";

const BRIEF: BandInput[] = [
  { minQuantity: 1, maxQuantity: 5, monthlyPrice: "5.99" },
  { minQuantity: 6, maxQuantity: 10, monthlyPrice: "4.99" },
  { minQuantity: 11, maxQuantity: null, monthlyPrice: "3.99" },
];
const bands = toBands(BRIEF);
const zero = new Prisma.Decimal(0);
const quote = (existing: number, adding: number, opts: { setupFee?: string; repriceExisting?: boolean } = {}) =>
  quotePurchase({ bands, currency: "GBP", existing, adding, setupFee: new Prisma.Decimal(opts.setupFee ?? "0"), repriceExisting: opts.repriceExisting ?? false });

describe("quotePurchase", () => {
  it("prices by the total at the end of the purchase: owning 4 and buying 2 charges 2 × £4.99", () => {
    const q = quote(4, 2);
    expect(q.band.label).toBe("6–10");
    expect(q.unitPrice.toString()).toBe("4.99");
    expect(q.total.toString()).toBe("9.98");
    expect(q.nextBand?.message).toBe("5 more and every new account costs £3.99.");
  });

  it("moves to the next band exactly at its edges (5 → 6, 10 → 11)", () => {
    expect(quote(0, 5).unitPrice.toString()).toBe("5.99");
    expect(quote(5, 1).unitPrice.toString()).toBe("4.99");
    expect(quote(9, 1).unitPrice.toString()).toBe("4.99");
    expect(quote(10, 1).unitPrice.toString()).toBe("3.99");
    expect(quote(0, 5).nextBand).toMatchObject({ accountsNeeded: 1, label: "6–10" });
    expect(quote(0, 10).nextBand?.message).toBe("1 more and every new account costs £3.99.");
  });

  it("has no next band in the open-ended band", () => {
    const q = quote(30, 70);
    expect([q.band.label, q.nextBand]).toEqual(["11 and above", null]);
  });

  it("adds the setup fee per new account, exactly", () => {
    const q = quote(0, 3, { setupFee: "10.005" });
    expect(q.total.toString()).toBe("47.985"); // 3 × (5.99 + 10.005)
    expect(purchaseDebit(q).toString()).toBe("-47.985");
  });

  it("re-prices existing accounts only when the policy is on and the band changes", () => {
    expect(quote(4, 2, { repriceExisting: true }).repricing).toMatchObject({ accounts: 4 });
    expect(quote(4, 2, { repriceExisting: true }).repricing?.message).toBe("Your 4 existing accounts of this type move to £4.99 a month from the next charge.");
    expect(quote(4, 2, { repriceExisting: false }).repricing).toBeNull();
    expect(quote(6, 2, { repriceExisting: true }).repricing).toBeNull(); // still 6–10
    expect(quote(0, 7, { repriceExisting: true }).repricing).toBeNull(); // nothing to re-price
  });

  it("refuses a quantity below 1", () => {
    expect(() => quote(3, 0)).toThrow();
  });
});

describe("validateBands", () => {
  const problems = (b: BandInput[], currency = "GBP") => validateBands(b, currency).map((p) => p.message);

  it("accepts the brief's plan and a single open-ended band", () => {
    expect(validateBands(BRIEF, "GBP")).toEqual([]);
    expect(validateBands([{ minQuantity: 1, maxQuantity: null, monthlyPrice: "0" }], "EUR")).toEqual([]);
  });

  it("names the band with a gap, an overlap or a wrong start", () => {
    expect(problems([{ minQuantity: 2, maxQuantity: null, monthlyPrice: "1" }])).toEqual([expect.stringMatching(/^Band 1: starts at 2, leaving 1 without a price/)]);
    expect(problems([BRIEF[0]!, { minQuantity: 8, maxQuantity: null, monthlyPrice: "4" }])).toEqual([expect.stringMatching(/^Band 2: .*leaving 6–7 without a price/)]);
    expect(problems([BRIEF[0]!, { minQuantity: 4, maxQuantity: null, monthlyPrice: "4" }])).toEqual([expect.stringMatching(/^Band 2: starts at 4, overlapping/)]);
  });

  it("requires the last band, and only the last, to be open-ended", () => {
    expect(problems([{ minQuantity: 1, maxQuantity: 5, monthlyPrice: "1" }])).toEqual([expect.stringMatching(/^Band 1: the last band must be open-ended/)]);
    expect(problems([{ minQuantity: 1, maxQuantity: null, monthlyPrice: "2" }, { minQuantity: 2, maxQuantity: null, monthlyPrice: "1" }])).toContain("Band 1: only the last band can be open-ended.");
  });

  it("refuses negative, malformed, over-precise and rising prices", () => {
    const one = (monthlyPrice: string) => problems([{ minQuantity: 1, maxQuantity: null, monthlyPrice }]);
    expect(one("-1")).toEqual(["Band 1: the monthly price must not be negative."]);
    expect(one("1.123456")).toEqual(["Band 1: the monthly price must be a number with at most 5 decimal places."]);
    expect(one("abc")).toHaveLength(1);
    expect(problems([{ minQuantity: 1, maxQuantity: 5, monthlyPrice: "3" }, { minQuantity: 6, maxQuantity: null, monthlyPrice: "4" }])).toEqual([expect.stringMatching(/^Band 2: the monthly price must not be higher/)]);
  });

  it("refuses an empty plan, an inverted band and a bad currency", () => {
    expect(problems([])).toEqual(["Add at least one band."]);
    expect(problems([{ minQuantity: 5, maxQuantity: 3, monthlyPrice: "1" }, { minQuantity: 4, maxQuantity: null, monthlyPrice: "1" }]).join()).toMatch(/no smaller than the first/);
    expect(problems(BRIEF, "pounds")).toEqual(["Use a 3-letter ISO 4217 currency code, such as GBP."]);
  });
});

describe("money helpers", () => {
  it("formats without losing stored decimals", () => {
    expect(formatMoney(new Prisma.Decimal("3.99"), "GBP")).toBe("£3.99");
    expect(formatMoney(new Prisma.Decimal("0.00125"), "EUR")).toBe("€0.00125");
    expect(formatMoney(zero, "USD")).toBe("US$0.00");
  });
  it("names UTC months and currency minor units", () => {
    expect(billingPeriod(new Date("2026-11-30T23:59:59Z"))).toBe("2026-11");
    expect([minorUnitDigits("GBP"), minorUnitDigits("JPY")]).toEqual([2, 0]);
  });
});
