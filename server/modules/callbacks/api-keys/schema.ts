/** Inputs of the API-key procedures (issue 14); importable by the page's forms. */
import { z } from "zod";
import { singleLine, ZRecordId } from "@/server/validation/text";

/** What a customer admin may give a key; more is the partner's call (e.g. for a load test). */
export const CUSTOMER_MAX_RATE_LIMIT = 600;
/** The database's own bound (ApiKey_rateLimitPerMinute_check). */
export const PARTNER_MAX_RATE_LIMIT = 1_000_000;
export const DEFAULT_RATE_LIMIT = 60;

const ZName = singleLine().min(1, "Give the key a name").max(64, "Use at most 64 characters");
const rateLimit = (max: number) =>
  z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "At least 1 a minute").max(max, `At most ${max.toLocaleString("en-GB")} a minute`);
/** "" (from a select) or null: the key may start calls from any of the company's lines. */
const ZSipAccountScope = z.union([ZRecordId, z.literal(""), z.null()]).transform((v) => (v ? v : null));

export const ZCreateApiKeyInput = z.object({
  name: ZName,
  sipAccountId: ZSipAccountScope.optional(),
  rateLimitPerMinute: rateLimit(CUSTOMER_MAX_RATE_LIMIT).default(DEFAULT_RATE_LIMIT),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZUpdateApiKeyInput = z.object({
  id: ZRecordId,
  name: ZName,
  sipAccountId: ZSipAccountScope,
  // Up to the partner's bound here: a key the partner raised keeps its limit when the customer
  // renames it; the service refuses a customer's own change beyond CUSTOMER_MAX_RATE_LIMIT.
  rateLimitPerMinute: rateLimit(PARTNER_MAX_RATE_LIMIT),
});
export type TUpdateApiKeyInput = z.infer<typeof ZUpdateApiKeyInput>;

export const ZApiKeyId = z.object({ id: ZRecordId });

/** A partner admin raising (or lowering) one of a customer's keys beyond the customer's own bound. */
export const ZSetApiKeyRateLimitInput = z.object({
  tenantId: ZRecordId,
  id: ZRecordId,
  rateLimitPerMinute: rateLimit(PARTNER_MAX_RATE_LIMIT),
});
export type TSetApiKeyRateLimitInput = z.infer<typeof ZSetApiKeyRateLimitInput>;

/** The page's create and edit form: a select gives "" for "any line"; the server applies the bounds. */
export const ZApiKeyForm = z.object({
  name: ZName,
  sipAccountId: z.string(),
  rateLimitPerMinute: rateLimit(PARTNER_MAX_RATE_LIMIT),
});
export type TApiKeyForm = z.infer<typeof ZApiKeyForm>;
