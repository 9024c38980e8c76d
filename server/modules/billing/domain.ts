/**
 * Pure pricing rules for Buy Accounts: band validation and the quote. No I/O, so the quote the
 * customer sees, the charge the purchase makes and the unit tests all run the same code.
 * Money is Prisma.Decimal (decimal.js) throughout: never a float.
 */
import { Prisma } from "../../generated/prisma/client";
import { bandLabel, formatMoney } from "./money";

export { bandLabel, formatMoney } from "./money";

type Decimal = Prisma.Decimal;
const { Decimal } = Prisma;

/** A band as typed into the plan form: prices are strings so no float ever touches them. */
export type BandInput = { minQuantity: number; maxQuantity: number | null; monthlyPrice: string };
export type Band = { minQuantity: number; maxQuantity: number | null; monthlyPrice: Decimal };
/** `band` is the 1-based position in the list, or null for a problem with the list as a whole. */
export type BandProblem = { band: number | null; message: string };

/** Up to 7 integer digits (Decimal(12,5)) and at most 5 decimal places. */
const PRICE_PATTERN = /^\d{1,7}(\.\d{1,5})?$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const MAX_BANDS = 20;

/** Why `raw` is not a price we store, or null when it is. */
export function priceProblem(raw: string): string | null {
  const value = raw.trim();
  if (value === "") return "is empty";
  if (value.startsWith("-")) return "must not be negative";
  if (!PRICE_PATTERN.test(value)) return "must be a number with at most 5 decimal places";
  return null;
}

/**
 * Every problem with a plan's bands and currency, each naming its band, or [] when valid.
 * Valid bands start at 1, follow each other with no gap or overlap, end open-ended, and never
 * get dearer with volume: that is what makes "the price per account never rises" hold.
 */
export function validateBands(bands: readonly BandInput[], currency: string): BandProblem[] {
  const problems: BandProblem[] = [];
  if (!CURRENCY_PATTERN.test(currency)) problems.push({ band: null, message: "Use a 3-letter ISO 4217 currency code, such as GBP." });
  if (bands.length === 0) return [...problems, { band: null, message: "Add at least one band." }];
  if (bands.length > MAX_BANDS) problems.push({ band: null, message: `Use at most ${MAX_BANDS} bands.` });
  let expectedMin = 1;
  let previousPrice: Decimal | null = null;
  bands.forEach((band, i) => {
    const n = i + 1;
    const add = (message: string) => problems.push({ band: n, message: `Band ${n}: ${message}` });
    const isLast = i === bands.length - 1;
    if (!Number.isInteger(band.minQuantity) || band.minQuantity < 1) add("the first quantity must be a whole number of at least 1.");
    else if (band.minQuantity < expectedMin) add(`starts at ${band.minQuantity}, overlapping the band before (which ends at ${expectedMin - 1}).`);
    else if (band.minQuantity > expectedMin) add(`starts at ${band.minQuantity}, leaving ${expectedMin}${band.minQuantity - 1 > expectedMin ? `–${band.minQuantity - 1}` : ""} without a price; start it at ${expectedMin}.`);
    if (band.maxQuantity === null) {
      if (!isLast) add("only the last band can be open-ended.");
    } else if (!Number.isInteger(band.maxQuantity) || band.maxQuantity < band.minQuantity) {
      add("the last quantity must be a whole number no smaller than the first.");
    } else if (isLast) {
      add(`the last band must be open-ended ("${band.minQuantity} and above"), so every quantity has a price.`);
    }
    const problem = priceProblem(band.monthlyPrice);
    if (problem) add(`the monthly price ${problem}.`);
    else {
      const price = new Decimal(band.monthlyPrice.trim());
      if (previousPrice && price.gt(previousPrice)) add("the monthly price must not be higher than the band before (volume never costs more per account).");
      previousPrice = price;
    }
    expectedMin = (band.maxQuantity ?? band.minQuantity) + 1;
  });
  return problems;
}

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
