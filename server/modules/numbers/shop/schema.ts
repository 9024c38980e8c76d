/** Inputs of Virtual Numbers Purchasing. Browser-safe: the buy page's forms use them too. */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";

export const ZCountryIso = singleLine().regex(/^[A-Z]{2}$/, "Choose a country");

export const ZNumberSearchInput = z.object({
  countryIso: ZCountryIso,
  /** A town ("London") or an area code ("20", "020", "212"). */
  area: singleLine().max(40, "Use at most 40 characters").optional(),
  /** Digits the number must contain, e.g. "777". */
  digits: singleLine().regex(/^\d{0,8}$/, "Use up to 8 digits").optional(),
});
export type TNumberSearchInput = z.infer<typeof ZNumberSearchInput>;

const ZMoneyText = singleLine({ trim: false }).regex(/^\d{1,7}(\.\d{1,5})?$/, "Not an amount");

export const ZBuyNumberInput = z.object({
  number: singleLine({ trim: false }).regex(/^\+[1-9]\d{6,14}$/, "Not a number in international format"),
  /** What the customer was shown: if the price changed since, the purchase stops and says so. */
  expectedSetupFee: ZMoneyText,
  expectedMonthlyFee: ZMoneyText,
  /** One per confirm dialog, made by the client, so a double click or a retry is one purchase. */
  idempotencyKey: singleLine({ trim: false }).pipe(z.uuid("Not a valid request key")),
});
export type TBuyNumberInput = z.infer<typeof ZBuyNumberInput>;

export const ZCancelNumberInput = z.object({ didId: ZRecordId });
export type TCancelNumberInput = z.infer<typeof ZCancelNumberInput>;

export const OFFER_LIMIT = 50;
