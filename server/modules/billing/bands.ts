/**
 * Band validation and price checks, free of Prisma and decimal.js so the plan form and the
 * top-up form run them in the browser (through schema.ts) with the server's exact messages.
 * Prices are compared as decimal strings, exactly: no float ever touches them.
 */

/** A band as typed into the plan form: prices are strings so no float ever touches them. */
export type BandInput = { minQuantity: number; maxQuantity: number | null; monthlyPrice: string };
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
  let previousPrice: string | null = null;
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
      const price = band.monthlyPrice.trim();
      if (previousPrice !== null && compareDecimals(price, previousPrice) > 0) add("the monthly price must not be higher than the band before (volume never costs more per account).");
      previousPrice = price;
    }
    expectedMin = (band.maxQuantity ?? band.minQuantity) + 1;
  });
  return problems;
}

/**
 * Compares two non-negative decimal strings such as "4.99" and "10" exactly: -1, 0 or 1.
 * Callers pass strings that already match a plain decimal pattern (no sign, no exponent).
 */
export function compareDecimals(a: string, b: string): number {
  const [aWhole = "", aFraction = ""] = a.split(".");
  const [bWhole = "", bFraction = ""] = b.split(".");
  const aInt = aWhole.replace(/^0+/, "");
  const bInt = bWhole.replace(/^0+/, "");
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const aFrac = aFraction.padEnd(width, "0");
  const bFrac = bFraction.padEnd(width, "0");
  return aFrac === bFrac ? 0 : aFrac < bFrac ? -1 : 1;
}
