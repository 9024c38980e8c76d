/**
 * Money as the billing API sends it: exact decimal strings ("4.99", "-9.98"). Formatting is
 * done from the string, so no amount is ever rounded through a float on its way to the screen.
 */
import { ACCOUNT_TYPE_LABELS, type TAccountType } from "@/server/modules/billing/schema";

const MAX_DECIMALS = 5;

/** The currency's own decimals at least (2 for GBP, 0 for JPY), up to the 5 we store. */
function decimalsOf(amount: string, currency: string): number {
  const fraction = amount.split(".")[1]?.replace(/0+$/, "") ?? "";
  const minimum = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().minimumFractionDigits ?? 2;
  return Math.max(minimum, Math.min(MAX_DECIMALS, fraction.length));
}

function format(amount: string, currency: string, signDisplay: "auto" | "exceptZero"): string {
  const digits = decimalsOf(amount, currency);
  const formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay });
  // Intl formats a decimal string exactly (ES2023); the cast only satisfies older lib typings.
  return formatter.format(amount as unknown as number);
}

/** "£4.99", "-£9.98", "€0.00125". */
export function formatAmount(amount: string, currency: string): string {
  return format(amount, currency, "auto");
}

/** "+£50.00" or "-£9.98": the sign is in the text, so colour is never the only cue. */
export function formatSignedAmount(amount: string, currency: string): string {
  return format(amount, currency, "exceptZero");
}

export const isNegativeAmount = (amount: string) => amount.trim().startsWith("-");

export const LEDGER_KIND_LABELS: Record<string, string> = {
  CREDIT_STRIPE: "Card top-up",
  CREDIT_MANUAL: "Credit from provider",
  PURCHASE: "Account purchase",
  RECURRING: "Monthly charge",
  CALL: "Call charges",
};

export const ledgerKindLabel = (kind: string) => LEDGER_KIND_LABELS[kind] ?? kind;

export const accountTypeLabel = (type: string) => ACCOUNT_TYPE_LABELS[type as TAccountType] ?? type;

/** "Centrex lines" for headings and counts. */
export const accountTypePlural = (type: string, count: number) => `${accountTypeLabel(type)}${count === 1 ? "" : "s"}`;
