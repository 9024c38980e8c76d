/**
 * What a number costs a customer: the base price (the stock number's own, or the partner's
 * price for the country for a supplier number) plus the premium of the tier its digits fall in.
 * One function for the search, the confirm dialog and the charge, so they cannot disagree.
 */
import { Prisma } from "../../../generated/prisma/client";
import { parsePhoneNumber } from "@/components/format/phone-number";
import { tierFor, ZTierRules, type TierRule } from "../tiers";

type Decimal = Prisma.Decimal;

export type TierRow = { name: string; rank: number; rules: unknown; setupPremium: Decimal; monthlyPremium: Decimal };
export type PricedTier = { name: string; rank: number; rules: TierRule[]; setupPremium: Decimal; monthlyPremium: Decimal };

/** Stored rules are re-checked on the way out: a tier whose rules no longer validate prices nothing. */
export function usableTiers(rows: readonly TierRow[]): PricedTier[] {
  return rows.flatMap((row) => {
    const rules = ZTierRules.safeParse(row.rules);
    return rules.success ? [{ ...row, rules: rules.data }] : [];
  });
}

export type NumberPrice = { tier: string | null; setupFee: Decimal; monthlyFee: Decimal; currency: string };

export function priceNumber(e164: string, base: { setupPrice: Decimal; monthlyPrice: Decimal; currency: string }, tiers: readonly PricedTier[]): NumberPrice {
  const parsed = parsePhoneNumber(e164);
  const tier = parsed ? tierFor(parsed.nationalDigits, tiers) : null;
  return {
    tier: tier?.name ?? null,
    setupFee: base.setupPrice.plus(tier?.setupPremium ?? 0),
    monthlyFee: base.monthlyPrice.plus(tier?.monthlyPremium ?? 0),
    currency: base.currency,
  };
}

/** The first payment: setup plus the first month (the monthly job starts with the next month). */
export const firstPayment = (price: NumberPrice) => price.setupFee.plus(price.monthlyFee);
