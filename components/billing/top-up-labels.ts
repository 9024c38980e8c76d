/** Words for top-up statuses and refusal reasons: the customer's, and the back office's. */
import type { BadgeTone } from "@/components/ui/badge";
import type { TTopUpRefusalReason, TTopUpStatus } from "@/server/modules/billing/top-up-domain";

export const TOP_UP_STATUS: Record<TTopUpStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Awaiting payment", tone: "neutral" },
  CREDITED: { label: "Credited", tone: "success" },
  REFUSED: { label: "Not credited", tone: "danger" },
};

export const topUpStatus = (status: string) => TOP_UP_STATUS[status as TTopUpStatus] ?? { label: status, tone: "neutral" as const };

/** For the customer: what happened to their money, and who puts it right. */
export const CUSTOMER_REFUSAL_TEXT = "The payment did not match this top-up, so it was not added to your balance. Your provider has been told and will put it right.";

/** For partner and platform staff: why the webhook credited nothing. */
export const REFUSAL_REASON_TEXT: Record<TTopUpRefusalReason, string> = {
  UNKNOWN_SESSION: "Not a top-up opened in this portal (a payment link or another integration on the Stripe account).",
  INVALID_AMOUNT: "Stripe reported no usable amount (missing, zero, negative or fractional).",
  CURRENCY_MISMATCH: "Paid in another currency than the top-up asked for.",
  AMOUNT_MISMATCH: "Paid another amount than the top-up asked for.",
  ALREADY_CREDITED: "A further paid notice for a top-up already credited; it was not credited twice.",
  ALREADY_REFUSED: "A further paid notice for a top-up already refused.",
};

export const refusalReasonText = (reason: string) => REFUSAL_REASON_TEXT[reason as TTopUpRefusalReason] ?? reason;
