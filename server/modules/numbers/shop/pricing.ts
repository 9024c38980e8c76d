/**
 * What a number costs a customer now: its base price (the stock number's own, or the partner's
 * price for the country for a supplier number) plus its tier's premium, through the same
 * functions the back office prices with. One function for the search, the confirm check and
 * the charge, so they cannot disagree.
 */
import type { Prisma } from "../../../generated/prisma/client";
import { tierOfNumber, type StoredTier } from "../partner/tiers-service";
import { priceWithTier, type NumberFees } from "../pricing";

export type PricedTier = StoredTier;
export type NumberPrice = NumberFees & { tier: string | null; currency: string };

export function priceNumber(e164: string, base: { setupPrice: Prisma.Decimal; monthlyPrice: Prisma.Decimal; currency: string }, tiers: readonly StoredTier[]): NumberPrice {
  const tier = tierOfNumber(e164, tiers);
  return { tier: tier?.name ?? null, ...priceWithTier(base, tier), currency: base.currency };
}

/** The first payment: setup plus the first month (the monthly job starts with the next month). */
export const firstPayment = (price: NumberPrice) => price.setupFee.plus(price.monthlyFee);
