/**
 * Money formatting and periods: pure helpers shared by the quote, the ledger and the jobs.
 * Formatting is the only place an amount leaves Decimal, and only as text.
 */
import { Prisma } from "../../generated/prisma/client";

/** "£4.99", "€0.00125": at least 2 decimals, up to the 5 we store, never rounded away. */
export function formatMoney(amount: Prisma.Decimal, currency: string): string {
  const fixed = amount.toFixed(Math.max(2, Math.min(5, amount.decimalPlaces())));
  // Intl accepts a decimal string exactly (no float conversion) since ES2023.
  const format = new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 5 });
  return format.format(fixed as unknown as number);
}

/** "1–5", "11 and above". */
export function bandLabel(band: { minQuantity: number; maxQuantity: number | null }): string {
  if (band.maxQuantity === null) return `${band.minQuantity} and above`;
  if (band.maxQuantity === band.minQuantity) return `${band.minQuantity}`;
  return `${band.minQuantity}–${band.maxQuantity}`;
}

/** The UTC calendar month of `at`, "YYYY-MM": the unit of recurring charges. */
export function billingPeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** Digits after the point in a currency's minor unit (GBP 2, JPY 0), as Stripe counts them. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Minor units as an exact decimal string in the currency's major unit (2550 GBP -> "25.5"),
 * or null when `currency` is not an ISO 4217-shaped code (text from outside, never formatted).
 */
export function fromMinorUnits(minor: bigint | number, currency: string): string | null {
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  return new Prisma.Decimal(minor.toString()).div(new Prisma.Decimal(10).pow(minorUnitDigits(currency))).toString();
}
