/**
 * What a partner may set of web callback's toll-fraud limits (issue 14): per customer the
 * countries, the concurrency cap and the daily spend; per partner the extra number types and
 * its own blocked prefixes. Countries and number types are libphonenumber-js's own lists, so
 * nothing can be saved that the intake's destination policy would not understand.
 */
import { getCountries } from "libphonenumber-js";
import { z } from "zod";
import { OPTIONAL_NUMBER_TYPES } from "../callbacks/intake/destination-policy";
import { singleLine, ZRecordId } from "../../validation/text";

const COUNTRIES = new Set<string>(getCountries());
export const callbackCountryCodes = () => [...COUNTRIES].sort();

const unique = <T>(values: T[]) => [...new Set(values)];

export const ZCallbackCountries = z
  .array(singleLine().toUpperCase().refine((code) => COUNTRIES.has(code), { message: "Not a country code (use ISO 3166-1 alpha-2, such as GB)" }))
  .max(250)
  .transform(unique);

export const ZSetCustomerCallbackLimitsInput = z.object({
  tenantId: ZRecordId,
  /** Empty: the customer's own country only. */
  countries: ZCallbackCountries,
  maxConcurrent: z.number().int("Use a whole number").min(0, "Use 0 or more").max(1000, "At most 1000"),
  /** Partner currency, up to 5 decimals (the column's scale). */
  dailySpendLimit: singleLine().regex(/^\d{1,7}(\.\d{1,5})?$/, "Use an amount such as 20 or 12.50"),
});
export type TSetCustomerCallbackLimitsInput = z.infer<typeof ZSetCustomerCallbackLimitsInput>;

/** E.164 digits without "+", as the intake compares them: 1–15 digits, never a leading 0. */
export const ZBlockedPrefix = singleLine().regex(/^[1-9][0-9]{0,14}$/, "Use digits only, as in E.164 without + (e.g. 4470)");

export const ZSetPartnerCallbackPolicyInput = z.object({
  /** Types allowed beyond the safe ones (fixed line and mobile, always allowed). */
  allowedNumberTypes: z.array(z.enum(OPTIONAL_NUMBER_TYPES)).max(OPTIONAL_NUMBER_TYPES.length).transform(unique),
  blockedPrefixes: z.array(ZBlockedPrefix).max(500, "At most 500 prefixes").transform(unique),
});
export type TSetPartnerCallbackPolicyInput = z.infer<typeof ZSetPartnerCallbackPolicyInput>;
