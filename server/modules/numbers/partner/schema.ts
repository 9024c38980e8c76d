/**
 * Inputs of the partner's number stock, tiers and country prices. Forms resolve with these
 * same schemas, so the dialog refuses what the procedure would.
 */
import { z } from "zod";
import { multiLine, singleLine, ZRecordId } from "../../../validation/text";
import { decimalProblem } from "../../tariffs/domain";
import { ZTierRules } from "../tiers";
import { MAX_DID_IMPORT_BYTES } from "./csv-import";
import { isKnownCountry, MAX_AREA_CHARS, parseStockNumber } from "./stock-number";

export const DID_STATES = ["AVAILABLE", "RESERVED", "ASSIGNED", "QUARANTINED", "RETIRED"] as const;
export type TDidState = (typeof DID_STATES)[number];
export const DID_IMPORT_MODES = ["validRowsOnly", "allOrNothing"] as const;
export const DID_SORTS = ["newest", "number"] as const;
export const DIDS_PAGE_SIZE = 50;
/** The tier filter's value for numbers no tier matches. */
export const STANDARD_TIER = "standard";

export const ZMoney = (label: string) =>
  singleLine().superRefine((value, ctx) => {
    const problem = decimalProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `${label} ${problem}` });
  });

export const ZCountryIso = singleLine()
  .toUpperCase()
  .refine(isKnownCountry, "Choose a country (two letters, such as GB).");

export const ZIdInput = z.object({ id: ZRecordId });

export const ZFindDidsInput = z.object({
  /** Part of the number (any spacing) or of the area. */
  search: singleLine().max(40).optional(),
  state: z.enum(DID_STATES).optional(),
  countryIso: ZCountryIso.optional(),
  /** A tier's id, or STANDARD_TIER for numbers without one. */
  tierId: ZRecordId.optional(),
  sort: z.enum(DID_SORTS).default("newest"),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TFindDidsInput = z.input<typeof ZFindDidsInput>;

const ZArea = singleLine().max(MAX_AREA_CHARS, `Use at most ${MAX_AREA_CHARS} characters`);
const ZStockPrices = { area: ZArea, setupPrice: ZMoney("Setup price"), monthlyPrice: ZMoney("Monthly price") };

export const ZCreateDidInput = z
  .object({
    number: singleLine().min(1, "Enter a number").max(40, "Use at most 40 characters"),
    /** The region a national number is read in; empty: British, or whatever a +… number is. */
    countryIso: z.union([z.literal(""), ZCountryIso]).optional(),
    ...ZStockPrices,
  })
  .superRefine((input, ctx) => {
    const result = parseStockNumber(input.number, input.countryIso || undefined);
    if ("problem" in result) ctx.addIssue({ code: "custom", path: ["number"], message: result.problem });
  });
export type TCreateDidInput = z.infer<typeof ZCreateDidInput>;

export const ZUpdateDidInput = z.object({ id: ZRecordId, ...ZStockPrices });
export type TUpdateDidInput = z.infer<typeof ZUpdateDidInput>;

export const ZImportDidsInput = z.object({
  // Characters, not bytes: the parser re-checks the byte size. This only bounds the request.
  csv: multiLine().min(1, "Choose a file or paste the numbers").max(MAX_DID_IMPORT_BYTES, "The file is larger than 1 MB"),
  mode: z.enum(DID_IMPORT_MODES),
  /** Report only: what would be imported and what refused, writing nothing. */
  isDryRun: z.boolean(),
});
export type TImportDidsInput = z.infer<typeof ZImportDidsInput>;

const ZTierFields = {
  name: singleLine().min(1, "Enter a name").max(40, "Use at most 40 characters"),
  rank: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "Rank starts at 1").max(100, "Rank at most 100"),
  rules: ZTierRules,
  setupPremium: ZMoney("Setup premium"),
  monthlyPremium: ZMoney("Monthly premium"),
};
export const ZCreateTierInput = z.object(ZTierFields);
export type TCreateTierInput = z.infer<typeof ZCreateTierInput>;
export const ZUpdateTierInput = z.object({ id: ZRecordId, ...ZTierFields });
export type TUpdateTierInput = z.infer<typeof ZUpdateTierInput>;

export const ZUpsertDidPriceInput = z.object({ countryIso: ZCountryIso, setupPrice: ZMoney("Setup price"), monthlyPrice: ZMoney("Monthly price") });
export type TUpsertDidPriceInput = z.infer<typeof ZUpsertDidPriceInput>;
export const ZDeleteDidPriceInput = z.object({ countryIso: ZCountryIso });
