import { z } from "zod";
import { multiLine, singleLine, ZRecordId } from "../../validation/text";
import { decimalProblem, MAX_IMPORT_BYTES, normalizePrefix, PREFIX_PATTERN } from "./domain";

export const IMPORT_MODES = ["replace", "merge"] as const;
export const IMPORT_MODE_LABELS: Record<(typeof IMPORT_MODES)[number], string> = {
  replace: "Replace all rates",
  merge: "Merge (add new, update existing)",
};
export const RATES_PAGE_SIZE = 50;

const ZId = ZRecordId;
export const ZTariffId = z.object({ id: ZId });

const ZTariffName = singleLine().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters");
/** ISO 4217 alphabetic code; the list itself is the accountant's business, the shape is ours. */
const ZCurrency = singleLine()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a 3-letter ISO 4217 code, such as GBP");

export const ZCreateTariffInput = z.object({ name: ZTariffName, currency: ZCurrency, isDefault: z.boolean() });
export type TCreateTariffInput = z.infer<typeof ZCreateTariffInput>;

export const ZUpdateTariffInput = z.object({ id: ZId, name: ZTariffName, currency: ZCurrency });
export type TUpdateTariffInput = z.infer<typeof ZUpdateTariffInput>;

export const ZGetTariffInput = z.object({
  id: ZId,
  /** Rates whose prefix starts with this (after normalising + and 00). */
  prefixSearch: singleLine().max(16).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TGetTariffInput = z.input<typeof ZGetTariffInput>;

const ZMoney = singleLine({ trim: false }).superRefine((value, ctx) => {
  const problem = decimalProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: `Amount ${problem}` });
});

const NUMBER_MESSAGE = "Enter a number";

/**
 * A number, or a numeric string as an HTML form sends it, and nothing else. z.coerce.number()
 * turned `true` into 1 and `null` or "" into 0, so a wrong type was stored as a plausible value.
 * Range and integer checks go in `pipe`, so they apply to both shapes alike.
 */
function numberOrNumericString(pipe: z.ZodNumber) {
  return z
    .union([z.number(), singleLine().regex(/^\d+(\.\d+)?$/).transform(Number)], { error: NUMBER_MESSAGE })
    .pipe(pipe);
}

/** One rate, as typed into the rate form. Same rules as a CSV line. */
export const ZRateFields = z.object({
  prefix: singleLine({ trim: false })
    .transform(normalizePrefix)
    .pipe(z.string().regex(PREFIX_PATTERN, "Use 1 to 15 digits; a leading + or 00 is fine")),
  description: singleLine()
    .max(120, "Use at most 120 characters")
    .transform((v) => v || null),
  ratePerMinute: ZMoney,
  connectFee: ZMoney,
  incrementSec: numberOrNumericString(z.number().int("Use whole seconds").min(1, "At least 1 second").max(3600, "At most 3600 seconds")),
  minimumSec: numberOrNumericString(z.number().int("Use whole seconds").min(0, "Cannot be negative").max(3600, "At most 3600 seconds")),
});
export type TRateFieldsForm = z.input<typeof ZRateFields>;

/** Without `id` a new rate is added; with it, that rate is changed (its prefix too). */
export const ZUpsertRateInput = ZRateFields.extend({ tariffId: ZId, id: ZId.optional() });
export type TUpsertRateInput = z.infer<typeof ZUpsertRateInput>;

export const ZDeleteRateInput = z.object({ tariffId: ZId, id: ZId });

export const ZImportRatesInput = z.object({
  tariffId: ZId,
  mode: z.enum(IMPORT_MODES),
  // Characters, not bytes: the parser re-checks the byte size. This only bounds the request.
  csv: multiLine().min(1, "Choose a file or paste the rates").max(MAX_IMPORT_BYTES, "The file is larger than 2 MB"),
});
export type TImportRatesInput = z.infer<typeof ZImportRatesInput>;

export const ZAssignTariffInput = z.object({ tenantId: ZId, tariffId: ZId.nullable() });
export type TAssignTariffInput = z.infer<typeof ZAssignTariffInput>;
