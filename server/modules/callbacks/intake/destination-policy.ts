/**
 * Which phone numbers a callback may ring (toll-fraud rule, issue 14). Pure: no I/O.
 *
 * A callback makes the company pay for a call to a number a stranger typed, so the rule is an
 * allow-list: a valid number (libphonenumber-js's full metadata) in one of the company's
 * allowed countries, of a safe number type unless the partner allowed more, under no prefix
 * the partner blocked. Only printable ASCII of the kinds people type is read: unicode digits
 * and look-alikes are refused rather than normalised, so what is checked is exactly what is
 * dialled.
 */
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from "libphonenumber-js/max";
import metadata from "libphonenumber-js/metadata.max.json";
import type { CallbackRefusalCode } from "../contract";

/** Numbers of these types are ordinary phones: always allowed. */
export const SAFE_NUMBER_TYPES = ["FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE"] as const;
/** Types a partner may allow on top (the rest of libphonenumber's list). */
export const OPTIONAL_NUMBER_TYPES = ["TOLL_FREE", "VOIP", "PERSONAL_NUMBER", "UAN", "PAGER", "VOICEMAIL", "SHARED_COST", "PREMIUM_RATE"] as const;
export type OptionalNumberType = (typeof OPTIONAL_NUMBER_TYPES)[number];

const TYPE_WORDS: Record<string, string> = {
  TOLL_FREE: "a freephone number",
  VOIP: "an internet-telephony number",
  PERSONAL_NUMBER: "a personal (follow-me) number",
  UAN: "a company-wide (UAN) number",
  PAGER: "a pager number",
  VOICEMAIL: "a voicemail access number",
  SHARED_COST: "a shared-cost number",
  PREMIUM_RATE: "a premium-rate number",
};

export interface DestinationPolicy {
  /** The company's country calling code without "+" (national numbers are read in its main country). */
  countryCode: string;
  /** ISO 3166-1 alpha-2; empty = the main country of `countryCode` only. */
  allowedCountries: readonly string[];
  /** Types allowed beyond SAFE_NUMBER_TYPES. */
  allowedTypes: readonly string[];
  /** E.164 digits without "+": numbers starting with any of them are refused. */
  blockedPrefixes: readonly string[];
}

export type DestinationVerdict =
  | { ok: true; e164: string; country: string; type: NumberType }
  | { ok: false; code: Extract<CallbackRefusalCode, "INVALID_NUMBER" | "COUNTRY_NOT_ALLOWED" | "HIGH_RISK_NUMBER" | "BLOCKED_PREFIX">; message: string };

/** Longer than any phone number written with spaces and brackets; longer input is junk. */
const MAX_INPUT_LENGTH = 32;
/** Digits, one leading "+", and the separators people type. Nothing else is read. */
const TYPED_NUMBER = /^\+?[0-9 ().-]+$/;

const E164 = /^\+[1-9][0-9]{6,14}$/;

const callingCodes = (metadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes;

/** The country a calling code's national numbers belong to first: 44 → GB, 1 → US. */
export function mainCountryOf(countryCode: string): CountryCode | undefined {
  return callingCodes[countryCode]?.[0] as CountryCode | undefined;
}

const invalid = (message: string): DestinationVerdict => ({ ok: false, code: "INVALID_NUMBER", message });

export function checkDestination(input: string, policy: DestinationPolicy): DestinationVerdict {
  const typed = input.trim();
  if (typed.length === 0) return invalid("Enter a phone number.");
  if (typed.length > MAX_INPUT_LENGTH || !TYPED_NUMBER.test(typed)) {
    return invalid("Enter a phone number using digits, optionally starting with +.");
  }
  const home = mainCountryOf(policy.countryCode);
  const parsed = parsePhoneNumberFromString(typed, home ? { defaultCountry: home, extract: false } : { extract: false });
  if (!parsed || !parsed.isValid() || parsed.ext) return invalid("That is not a phone number that can be called.");
  const e164 = parsed.number;
  // libphonenumber calls some 16-digit German numbers valid; E.164 allows 15 digits at most.
  if (!E164.test(e164)) return invalid("That is not a phone number that can be called.");
  const country = parsed.country;
  if (!country) {
    // +881 satellite, +882/+883 international networks, +800 and +979 global services.
    return { ok: false, code: "HIGH_RISK_NUMBER", message: "Satellite and international-network numbers cannot be called back." };
  }
  const allowedCountries = policy.allowedCountries.length > 0 ? policy.allowedCountries : home ? [home] : [];
  if (!allowedCountries.includes(country)) {
    return { ok: false, code: "COUNTRY_NOT_ALLOWED", message: "Numbers in that country cannot be called back." };
  }
  const type = parsed.getType();
  const isSafe = type !== undefined && (SAFE_NUMBER_TYPES as readonly string[]).includes(type);
  if (!isSafe && (type === undefined || !policy.allowedTypes.includes(type))) {
    const words = type ? TYPE_WORDS[type] ?? "a special number" : "a special number";
    return { ok: false, code: "HIGH_RISK_NUMBER", message: `That is ${words}, which cannot be called back.` };
  }
  const digits = e164.slice(1);
  if (policy.blockedPrefixes.some((prefix) => prefix.length > 0 && digits.startsWith(prefix))) {
    return { ok: false, code: "BLOCKED_PREFIX", message: "Numbers starting like that cannot be called back." };
  }
  return { ok: true, e164, country, type: type ?? "FIXED_LINE" };
}
