/**
 * Billing's words and signs. Amounts themselves are formatted by the viewer's formatter
 * (components/format: `useFormat().money`), which formats the API's exact decimal strings.
 */
import { ACCOUNT_TYPE_LABELS, type TAccountType } from "@/server/modules/billing/schema";

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
