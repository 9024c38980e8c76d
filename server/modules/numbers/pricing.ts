/**
 * What a customer pays for a number: its base price plus its tier's premium. Pure and exact
 * (Decimal throughout), so the inventory list, the purchase quote and the charge agree to the
 * fifth decimal place.
 */
import { Prisma } from "../../generated/prisma/client";

type Money = Prisma.Decimal | string | number;

export type NumberFees = { setupFee: Prisma.Decimal; monthlyFee: Prisma.Decimal };

/**
 * Base prices plus the premium of the number's tier; a standard number (no tier, `null`) pays
 * the base alone. Premiums add, never multiply, so a partner can read the price off the tier list.
 */
export function priceWithTier(
  base: { setupPrice: Money; monthlyPrice: Money },
  tier: { setupPremium: Money; monthlyPremium: Money } | null,
): NumberFees {
  const setupFee = new Prisma.Decimal(base.setupPrice);
  const monthlyFee = new Prisma.Decimal(base.monthlyPrice);
  if (!tier) return { setupFee, monthlyFee };
  return { setupFee: setupFee.plus(tier.setupPremium), monthlyFee: monthlyFee.plus(tier.monthlyPremium) };
}
