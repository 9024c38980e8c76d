import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";
import { compareDecimals, priceProblem, validateBands } from "./bands";

export const ACCOUNT_TYPES = ["CENTREX_LINE", "FAX", "VOICEMAIL"] as const;
export type TAccountType = (typeof ACCOUNT_TYPES)[number];
export const ACCOUNT_TYPE_LABELS: Record<TAccountType, string> = { CENTREX_LINE: "Centrex line", FAX: "Fax line", VOICEMAIL: "Voicemail account" };

export const MAX_PURCHASE_QUANTITY = 500;
export const LEDGER_PAGE_SIZE = 50;
export const TOP_UP_MIN = 5;
export const TOP_UP_MAX = 5000;

const ZId = ZRecordId;
export const ZIdInput = z.object({ id: ZId });
export const ZAccountType = z.enum(ACCOUNT_TYPES);
/** One per confirm dialog, made by the client, so a double click or a retry is one charge. */
const ZIdempotencyKey = singleLine({ trim: false }).pipe(z.uuid("Not a valid request key"));

export const ZQuoteInput = z.object({
  accountType: ZAccountType,
  quantity: z.number().int("Use a whole number").min(1, "Buy at least 1").max(MAX_PURCHASE_QUANTITY, `Buy at most ${MAX_PURCHASE_QUANTITY} at once`),
});
export type TQuoteInput = z.infer<typeof ZQuoteInput>;

/** The key comes from the client (one per confirm dialog), so a double click or retry is one purchase. */
export const ZPurchaseInput = ZQuoteInput.extend({ idempotencyKey: ZIdempotencyKey });
export type TPurchaseInput = z.infer<typeof ZPurchaseInput>;

export const ZLedgerInput = z.object({ page: z.number().int().min(1).max(100_000).default(1) }).default({ page: 1 });
export type TLedgerInput = z.infer<typeof ZLedgerInput>;

/** A positive amount of money as typed: at most 2 decimals, within [min, max]. Browser-safe: no Prisma import. */
const ZAmount = (min: number, max: number) =>
  singleLine()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "Use an amount such as 25 or 25.50")
    .refine((v) => compareDecimals(v, String(min)) >= 0 && compareDecimals(v, String(max)) <= 0, `Use an amount from ${min} to ${max}`);

export const ZTopUpInput = z.object({ amount: ZAmount(TOP_UP_MIN, TOP_UP_MAX) });
export type TTopUpInput = z.infer<typeof ZTopUpInput>;

// --- Partner back office ----------------------------------------------------------------------

const ZPrice = singleLine().superRefine((value, ctx) => {
  const problem = priceProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: `The price ${problem}` });
});
const ZCurrency = singleLine().toUpperCase().regex(/^[A-Z]{3}$/, "Use a 3-letter ISO 4217 code, such as GBP");

export const ZBandInput = z.object({
  minQuantity: z.number().int().min(1),
  maxQuantity: z.number().int().min(1).nullable(),
  monthlyPrice: singleLine(),
});

const ZPlanFields = z.object({
  name: singleLine().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
  accountType: ZAccountType,
  currency: ZCurrency,
  setupFee: ZPrice,
  bands: z.array(ZBandInput).max(20),
});

/** Each band problem lands on its band, so the form shows it beside the row. */
const withValidBands = (plan: { bands: z.infer<typeof ZBandInput>[]; currency: string }, ctx: z.RefinementCtx) => {
  for (const problem of validateBands(plan.bands, plan.currency)) {
    ctx.addIssue({ code: "custom", message: problem.message, path: problem.band ? ["bands", problem.band - 1] : ["bands"] });
  }
};

export const ZCreatePlanInput = ZPlanFields.extend({ isDefault: z.boolean().default(false) }).superRefine(withValidBands);
export type TCreatePlanInput = z.infer<typeof ZCreatePlanInput>;

/**
 * Bands are replaced as a whole: a plan is only ever saved valid. The account type is fixed
 * once created (a default for one type must not silently become another type's).
 */
export const ZUpdatePlanInput = ZPlanFields.omit({ accountType: true }).extend({ id: ZId }).superRefine(withValidBands);
export type TUpdatePlanInput = z.infer<typeof ZUpdatePlanInput>;

export const ZFindPlansInput = z.object({ accountType: ZAccountType.optional() }).optional();

/** planId null: the customer goes back to the partner's default plans for that type. */
export const ZAssignPlanInput = z.object({ tenantId: ZId, accountType: ZAccountType, planId: ZId.nullable() });
export type TAssignPlanInput = z.infer<typeof ZAssignPlanInput>;

export const ZPolicyInput = z.object({ repriceExistingOnBandChange: z.boolean() });

export const ZCustomerInput = z.object({ tenantId: ZId });
export const ZCustomerLedgerInput = z.object({ tenantId: ZId, page: z.number().int().min(1).max(100_000).default(1) });

export const ZCreditInput = z.object({
  tenantId: ZId,
  amount: ZAmount(0.01, 100_000),
  reason: singleLine().min(3, "Say why, in a few words").max(200),
  idempotencyKey: ZIdempotencyKey,
});
export type TCreditInput = z.infer<typeof ZCreditInput>;

// --- Calls and credit (issue 13) ----------------------------------------------------------------

export const CREDIT_LIMIT_MAX = 1_000_000;
/** How many calls of one day the expanded history row lists. */
export const CALLS_OF_DAY_LIMIT = 1000;

const isCalendarDay = (v: string) => {
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
};
const ZDay = singleLine().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-12-03").refine(isCalendarDay, "That day does not exist");

/** One day of calls in the billing history (the day in the customer's time zone). */
export const ZCallsOfDayInput = z.object({ day: ZDay, currency: ZCurrency });
export const ZCustomerCallsOfDayInput = ZCallsOfDayInput.extend({ tenantId: ZId });

/** The partner sets whether a customer is prepaid and how far below zero its calls may go. */
export const ZCreditLimitInput = z.object({
  tenantId: ZId,
  isPrepaid: z.boolean(),
  creditLimit: singleLine()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "Use an amount such as 0, 25 or 25.50")
    .refine((v) => compareDecimals(v, String(CREDIT_LIMIT_MAX)) <= 0, `Use at most ${CREDIT_LIMIT_MAX}`),
});
export type TCreditLimitInput = z.infer<typeof ZCreditLimitInput>;
