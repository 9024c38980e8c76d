/**
 * Inputs of call processing rules. Browser-safe: the rule editor validates with the same
 * schemas, so a field error reads the same in the form and from the server. The stored
 * shapes (period, filters, action) are the routing contract's (../stored.ts); this file adds
 * what a whole rule and a whole list need.
 */
import { getCountries } from "libphonenumber-js/min";
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";
import { ZCallerFilter, ZNumberPattern, ZRuleAction, ZTimePeriod } from "../stored";

/** Enough for any real office; a longer list is a mistake nobody could read. */
export const MAX_RULES_PER_OWNER = 50;

const KNOWN_COUNTRIES = new Set<string>(getCountries());

/** Whose rules: a number of the company, or one of its extensions (exactly one). */
export const ZRuleOwner = z.union([z.strictObject({ didId: ZRecordId }), z.strictObject({ extensionId: ZRecordId })]);
export type TRuleOwner = z.infer<typeof ZRuleOwner>;

/** A filter that names nobody would never match, so it must name someone (or be left off). */
const ZRuleCallerFilter = ZCallerFilter.superRefine((filter, ctx) => {
  filter.countries.forEach((iso, i) => {
    if (!KNOWN_COUNTRIES.has(iso)) ctx.addIssue({ code: "custom", message: `${iso} is not a country we know`, path: ["countries", i] });
  });
  if (new Set(filter.countries).size !== filter.countries.length) ctx.addIssue({ code: "custom", message: "Each country once", path: ["countries"] });
  if (filter.patterns.length === 0 && filter.countries.length === 0) {
    ctx.addIssue({ code: "custom", message: "Add a number or a country, or match any caller", path: ["patterns"] });
  }
});

export const ZCallRuleInput = z.object({
  name: singleLine().min(1, "Name the rule").max(64, "Use at most 64 characters"),
  isEnabled: z.boolean(),
  /** null = any time. */
  period: ZTimePeriod.nullable(),
  /** null = any caller. */
  callerFilter: ZRuleCallerFilter.nullable(),
  /** null = any number dialled. */
  dialledFilter: z.array(ZNumberPattern).min(1, "Add a number, or match any number dialled").max(50, "At most 50 numbers").nullable(),
  action: ZRuleAction,
});
export type TCallRuleInput = z.infer<typeof ZCallRuleInput>;

/** The whole ordered list, replacing what was there: the first enabled match wins. */
export const ZSaveCallRulesInput = z.object({
  owner: ZRuleOwner,
  rules: z.array(ZCallRuleInput).max(MAX_RULES_PER_OWNER, `At most ${MAX_RULES_PER_OWNER} rules`),
});
export type TSaveCallRulesInput = z.infer<typeof ZSaveCallRulesInput>;

export const ZListCallRulesInput = z.object({ owner: ZRuleOwner });
