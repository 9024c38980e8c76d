/**
 * Pure pricing rules for Buy Accounts: the quote (band validation lives in bands.ts, browser-safe,
 * and is re-exported here). No I/O, so the quote the
 * customer sees, the charge the purchase makes and the unit tests all run the same code.
 * Money is Prisma.Decimal (decimal.js) throughout: never a float.
 */
import { Prisma } from "../../generated/prisma/client";
import type { BandInput } from "./bands";
import { bandLabel, formatMoney } from "./money";

export { bandLabel, formatMoney } from "./money";

type Decimal = Prisma.Decimal;
const { Decimal } = Prisma;

export { MAX_BANDS, priceProblem, validateBands, type BandInput, type BandProblem } from "./bands";
export type Band = { minQuantity: number; maxQuantity: number | null; monthlyPrice: Decimal };

/** Bands as Decimals, sorted; call only after validateBands found no problem. */
export function toBands(bands: readonly BandInput[]): Band[] {
  return [...bands]
    .sort((a, b) => a.minQuantity - b.minQuantity)
    .map((b) => ({ minQuantity: b.minQuantity, maxQuantity: b.maxQuantity, monthlyPrice: new Decimal(b.monthlyPrice.trim()) }));
}

/** The band covering `total` accounts (total >= 1), by index into sorted, valid bands. */
export function bandIndexFor(bands: readonly Band[], total: number): number {
  const index = bands.findIndex((b) => total >= b.minQuantity && (b.maxQuantity === null || total <= b.maxQuantity));
  if (index < 0) throw new Error(`no band covers ${total}; the bands were not validated`);
  return index;
}

export type QuoteInput = {
  bands: readonly Band[];
  setupFee: Decimal;
  currency: string;
  /** Accounts of this type the customer already has. */
  existing: number;
  /** Accounts being bought (>= 1). */
  adding: number;
  /** The partner's policy: existing accounts follow the band the purchase reaches. */
  repriceExisting: boolean;
};

export type Quote = {
  currency: string;
  quantity: number;
  totalAfter: number;
  band: { label: string; minQuantity: number; maxQuantity: number | null };
  unitPrice: Decimal;
  setupFee: Decimal;
  /** What the purchase charges now: adding × (unitPrice + setupFee). */
  total: Decimal;
  nextBand: { accountsNeeded: number; unitPrice: Decimal; label: string; message: string } | null;
  repricing: { accounts: number; unitPrice: Decimal; message: string } | null;
};

/**
 * Prices buying `adding` accounts. The band is chosen by the total at the END of the purchase
 * (existing + adding): owning 4 and buying 2 with 1–5 at 5.99 and 6–10 at 4.99 charges 2 × 4.99.
 */
export function quotePurchase(input: QuoteInput): Quote {
  const { bands, setupFee, currency, existing, adding } = input;
  if (!Number.isInteger(adding) || adding < 1) throw new Error("adding must be a whole number of at least 1");
  const totalAfter = existing + adding;
  const index = bandIndexFor(bands, totalAfter);
  const band = bands[index]!;
  const unitPrice = band.monthlyPrice;
  const next = bands[index + 1];
  const nextBand = next
    ? {
        accountsNeeded: next.minQuantity - totalAfter,
        unitPrice: next.monthlyPrice,
        label: bandLabel(next),
        message: `${next.minQuantity - totalAfter} more and every new account costs ${formatMoney(next.monthlyPrice, currency)}.`,
      }
    : null;
  const isBandChange = existing > 0 && bandIndexFor(bands, existing) !== index;
  const repricing =
    input.repriceExisting && isBandChange
      ? {
          accounts: existing,
          unitPrice,
          message: `Your ${existing} existing account${existing === 1 ? "" : "s"} of this type move${existing === 1 ? "s" : ""} to ${formatMoney(unitPrice, currency)} a month from the next charge.`,
        }
      : null;
  return {
    currency,
    quantity: adding,
    totalAfter,
    band: { label: bandLabel(band), minQuantity: band.minQuantity, maxQuantity: band.maxQuantity },
    unitPrice,
    setupFee,
    total: unitPrice.plus(setupFee).times(adding),
    nextBand,
    repricing,
  };
}

/**
 * The ledger amount a quote's purchase writes (a debit, so negative). The purchase service
 * charges exactly this, which is why the quote always equals the charge.
 */
export function purchaseDebit(quote: Quote): Decimal {
  return quote.total.negated();
}
