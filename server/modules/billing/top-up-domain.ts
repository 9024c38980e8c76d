/**
 * When a paid Checkout Session may credit the top-up we recorded for it. Pure and
 * browser-safe: the webhook decides with it, and the pages label its reasons.
 */

export const TOP_UP_STATUSES = ["PENDING", "CREDITED", "REFUSED"] as const;
export type TTopUpStatus = (typeof TOP_UP_STATUSES)[number];

export const TOP_UP_REFUSAL_REASONS = [
  "UNKNOWN_SESSION",
  "INVALID_AMOUNT",
  "CURRENCY_MISMATCH",
  "AMOUNT_MISMATCH",
  "ALREADY_CREDITED",
  "ALREADY_REFUSED",
] as const;
export type TTopUpRefusalReason = (typeof TOP_UP_REFUSAL_REASONS)[number];

/** Reasons that settle a still-pending top-up as REFUSED: the payment itself does not fit it. */
export const SETTLING_REASONS = new Set<TTopUpRefusalReason>(["INVALID_AMOUNT", "CURRENCY_MISMATCH", "AMOUNT_MISMATCH"]);

export type RecordedTopUp = { status: TTopUpStatus; amountMinor: number; currency: string };
export type ReportedPayment = { amountTotal: number | null; currency: string | null };

/** A charge Stripe could have collected: a whole, positive number of minor units. */
export const isChargeableAmount = (amount: number | null): amount is number => amount !== null && Number.isSafeInteger(amount) && amount > 0;

/**
 * Why this paid session must not credit its recorded top-up, or null when it credits it.
 * A top-up is credited at most once: anything after its first paid notice is refused. The
 * currency is checked before the amount, since 2500 means different money in JPY and GBP.
 */
export function paidSessionProblem(topUp: RecordedTopUp, paid: ReportedPayment): TTopUpRefusalReason | null {
  if (topUp.status === "CREDITED") return "ALREADY_CREDITED";
  if (topUp.status === "REFUSED") return "ALREADY_REFUSED";
  if (!isChargeableAmount(paid.amountTotal)) return "INVALID_AMOUNT";
  // Stripe writes currencies lower-case; the record keeps ISO upper-case, as the ledger does.
  if (paid.currency !== topUp.currency.toLowerCase()) return "CURRENCY_MISMATCH";
  if (paid.amountTotal !== topUp.amountMinor) return "AMOUNT_MISMATCH";
  return null;
}
