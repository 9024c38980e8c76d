/**
 * Property tests over generated valid plans: the rules must hold for every plan a partner can
 * save, not only the brief's example.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import { purchaseDebit, quotePurchase, toBands, validateBands, type BandInput } from "./domain";

/** Valid plans: contiguous from 1, last open-ended, prices non-increasing, at most 5 decimals. */
const arbPlan = fc
  .array(fc.record({ width: fc.integer({ min: 1, max: 20 }), cents: fc.integer({ min: 0, max: 5_000_000 }) }), { minLength: 1, maxLength: 6 })
  .map((raw) => {
    const prices = raw.map((r) => r.cents).sort((a, b) => b - a);
    let min = 1;
    return raw.map((r, i): BandInput => {
      const isLast = i === raw.length - 1;
      const band = { minQuantity: min, maxQuantity: isLast ? null : min + r.width - 1, monthlyPrice: new Prisma.Decimal(prices[i]!).div(1000).toString() };
      min += r.width;
      return band;
    });
  });
const arbFee = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Prisma.Decimal(n).div(100_000));

/** The price of the n-th account, by brute force: the band that contains n. */
function referencePrice(bands: BandInput[], total: number): Prisma.Decimal {
  const band = bands.find((b) => total >= b.minQuantity && (b.maxQuantity === null || total <= b.maxQuantity))!;
  return new Prisma.Decimal(band.monthlyPrice);
}

describe("pricing properties", () => {
  it("generated plans are valid (the generator is honest)", () => {
    fc.assert(fc.property(arbPlan, (plan) => {
      expect(validateBands(plan, "GBP")).toEqual([]);
    }));
  });

  it("the price per account never rises as the total grows", () => {
    fc.assert(
      fc.property(arbPlan, arbFee, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 50 }), (plan, setupFee, existing, adding, more) => {
        const bands = toBands(plan);
        const base = { bands, setupFee, currency: "GBP", existing, repriceExisting: false };
        const smaller = quotePurchase({ ...base, adding });
        const larger = quotePurchase({ ...base, adding: adding + more });
        expect(larger.unitPrice.lte(smaller.unitPrice)).toBe(true);
      }),
    );
  });

  it("the quote equals the charge: adding × (band price at the end total + setup fee), debited exactly", () => {
    fc.assert(
      fc.property(arbPlan, arbFee, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 500 }), fc.boolean(), (plan, setupFee, existing, adding, repriceExisting) => {
        const q = quotePurchase({ bands: toBands(plan), setupFee, currency: "GBP", existing, adding, repriceExisting });
        const expected = referencePrice(plan, existing + adding).plus(setupFee).times(adding);
        expect(q.total.equals(expected)).toBe(true);
        expect(purchaseDebit(q).equals(expected.negated())).toBe(true);
        expect(q.unitPrice.equals(referencePrice(plan, existing + adding))).toBe(true);
      }),
    );
  });

  it("the next-band hint lands exactly in the next band", () => {
    fc.assert(
      fc.property(arbPlan, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), (plan, existing, adding) => {
        const bands = toBands(plan);
        const q = quotePurchase({ bands, setupFee: new Prisma.Decimal(0), currency: "GBP", existing, adding, repriceExisting: false });
        if (!q.nextBand) {
          expect(q.band.maxQuantity).toBeNull();
          return;
        }
        const then = quotePurchase({ bands, setupFee: new Prisma.Decimal(0), currency: "GBP", existing, adding: adding + q.nextBand.accountsNeeded, repriceExisting: false });
        expect(then.unitPrice.equals(q.nextBand.unitPrice)).toBe(true);
        expect(then.band.label).toBe(q.nextBand.label);
      }),
    );
  });
});
