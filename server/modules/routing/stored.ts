/**
 * Shapes of the routing JSON columns (Extension.forward*, FollowMeStep.destination and
 * .activePeriod, HuntGroup.overflow, CallRule.period/.callerFilter/.dialledFilter/.action),
 * validated on every write and parsed again on every read, so a bad row never reaches the
 * engine. The same schemas validate the portal's forms (browser-safe: no server imports).
 *
 * References are ids of the same company: writes check them through the tenant-scoped client
 * (destination-check.ts); a reference that dangles later (a deleted hunt group) is reported by
 * the engine and the call skips it.
 */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

export const ROUTING_DESTINATION_KINDS = ["extension", "voicemail", "fax", "huntGroup", "ivr", "queue", "external"] as const;
export type RoutingDestinationKind = (typeof ROUTING_DESTINATION_KINDS)[number];

export const ZRoutingDestination = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("extension"), extensionId: ZRecordId }),
  /** An extension's box; null = the company's general box. */
  z.object({ kind: z.literal("voicemail"), extensionId: ZRecordId.nullable() }),
  z.object({ kind: z.literal("fax"), sipAccountId: ZRecordId }),
  z.object({ kind: z.literal("huntGroup"), huntGroupId: ZRecordId }),
  z.object({ kind: z.literal("ivr"), ivrMenuId: ZRecordId }),
  z.object({ kind: z.literal("queue"), queueId: ZRecordId }),
  /** Input: as typed (national form in the company's country, or +…); stored: E.164. */
  z.object({ kind: z.literal("external"), number: singleLine().min(1, "Enter the number to forward to").max(40, "Use at most 40 characters") }),
]);
export type TRoutingDestination = z.infer<typeof ZRoutingDestination>;

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ZClock = singleLine().regex(HHMM, "Use a 24-hour time such as 09:00");
const ZLocalDate = singleLine().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2027-12-25").refine(
  (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
  "Not a real date",
);

export const ZTimeWindow = z.object({ start: ZClock, end: ZClock }).refine((w) => w.start !== w.end, {
  message: "A time range needs different start and end times",
  path: ["end"],
});

export const ZTimePeriod = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).refine((d) => new Set(d).size === d.length, "Each weekday once"),
  timeRanges: z.array(ZTimeWindow).max(10, "At most 10 time ranges"),
  dateRanges: z.array(z.object({ from: ZLocalDate, to: ZLocalDate }).refine((r) => r.from <= r.to, { message: "The range ends before it starts", path: ["to"] })).max(20, "At most 20 date ranges"),
  holidays: z.enum(["any", "only", "except"]),
});
export type TTimePeriod = z.infer<typeof ZTimePeriod>;

/** Digits with an optional leading +; a prefix matches every number starting with it. */
export const ZNumberPattern = z.object({
  number: singleLine().regex(/^\+?[0-9]{1,20}$/, "Use digits only, optionally starting with +"),
  match: z.enum(["exact", "prefix"]),
});
export type TNumberPattern = z.infer<typeof ZNumberPattern>;

export const ZCallerFilter = z.object({
  patterns: z.array(ZNumberPattern).max(50, "At most 50 numbers"),
  /** ISO 3166-1 alpha-2, checked against libphonenumber's list on write. */
  countries: z.array(singleLine().regex(/^[A-Z]{2}$/, "Not a country code")).max(50, "At most 50 countries"),
});
export type TCallerFilter = z.infer<typeof ZCallerFilter>;

export const RULE_MESSAGE_IDS = ["nobodyAvailable", "allBusy", "notInService", "goodbye"] as const;

export const ZRuleAction = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("forward"), destination: ZRoutingDestination }),
  z.object({ kind: z.literal("ringNormally") }),
  z.object({ kind: z.literal("voicemail") }),
  z.object({ kind: z.literal("reject"), cause: z.enum(["busy", "rejected"]) }),
  z.object({ kind: z.literal("message"), message: z.enum(RULE_MESSAGE_IDS) }),
]);
export type TRuleAction = z.infer<typeof ZRuleAction>;

/** Ring times people may choose, in seconds (the database CHECKs the same bounds). */
export const ZRingSec = z.number().int().min(5, "Ring for at least 5 seconds").max(300, "Ring for at most 300 seconds");

/**
 * Reads a JSON column back: the parsed value, or null when the stored value does not fit the
 * schema (then the caller treats it as absent and says so in the dial plan's warnings).
 */
export function readStored<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === null || value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
