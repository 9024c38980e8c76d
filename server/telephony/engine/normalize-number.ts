import type { NumberingPlan } from "./types";

/**
 * Number normalisation, deliberately small. After stripping visual separators
 * (spaces, "-", ".", "(", ")", "/"):
 *   "+<digits>"                       -> E.164 as written
 *   "<internationalPrefix><digits>"   -> "+<digits>"                (checked before national,
 *   "<nationalPrefix><digits>"        -> "+<countryCode><digits>"    as "00" starts with "0")
 *   other digits, context "dialled"   -> short number (extension, emergency or feature code)
 *   other digits, context "network"   -> "+<digits>" (carriers often send E.164 without "+")
 * E.164 means "+" and 7-15 digits, the first not 0. "*" and "#" only occur in short numbers.
 */
export type ParsedNumber =
  | { kind: "e164"; e164: string }
  | { kind: "short"; digits: string }
  | { kind: "invalid"; reason: string };

/** "dialled": typed on a phone; "network": delivered by the trunk (DIDs, callers, block rules). */
export type NumberContext = "dialled" | "network";

const SEPARATORS = /[\s\-.()/]/g;
/** The same class without the g flag, for a test that keeps no lastIndex. */
const HAS_SEPARATOR = /[\s\-.()/]/;
const DIGITS = /^[0-9]+$/;
const SHORT = /^[0-9*#]+$/;
/** Longer input is never a phone number; bounds the regex work on hostile strings. */
const MAX_INPUT_LENGTH = 64;

/** Strips the separators people and phones put into numbers. */
export function cleanNumber(raw: string): string {
  // Most numbers arrive clean: hand back the same string (no copy, and its hash stays cached),
  // found by a character loop; only a string with some other character pays for the regex.
  if (isPlainDialString(raw)) return raw;
  return HAS_SEPARATOR.test(raw) ? raw.replace(SEPARATORS, "") : raw;
}

/** Only digits, "+", "*" and "#": none of them is a separator. */
function isPlainDialString(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 43 || c === 42 || c === 35)) return false;
  }
  return true;
}

/** DIGITS.test(text.slice(from)) without the slice or the regex. */
function isDigits(text: string, from = 0): boolean {
  if (text.length <= from) return false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `written`: the number already written "+<digits>", reused rather than built again. */
function toE164(digits: string, original: string, written?: string): ParsedNumber {
  // E164_DIGITS as plain checks: 7–15 digits, the first not 0.
  const isE164 = digits.length >= 7 && digits.length <= 15 && digits.charCodeAt(0) !== 48 && isDigits(digits);
  return isE164
    ? { kind: "e164", e164: written ?? `+${digits}` }
    : { kind: "invalid", reason: `"${original}" is not a valid E.164 number` };
}

/** Classifies and normalises a number; never throws. */
export function parseNumber(raw: string, plan: NumberingPlan, context: NumberContext): ParsedNumber {
  if (raw.length > MAX_INPUT_LENGTH) return { kind: "invalid", reason: "number too long" };
  const cleaned = cleanNumber(raw);
  if (cleaned === "") return { kind: "invalid", reason: "empty number" };
  if (cleaned.startsWith("+")) {
    return isDigits(cleaned, 1) ? toE164(cleaned.slice(1), cleaned, cleaned) : { kind: "invalid", reason: `"${cleaned}" has non-digits after "+"` };
  }
  if (!isDigits(cleaned)) {
    if (context === "dialled" && SHORT.test(cleaned)) return { kind: "short", digits: cleaned };
    return { kind: "invalid", reason: `"${cleaned}" contains characters a number cannot have` };
  }
  const intl = plan.internationalPrefix;
  if (intl !== "" && cleaned.startsWith(intl) && cleaned.length > intl.length) {
    return toE164(cleaned.slice(intl.length), cleaned);
  }
  const national = plan.nationalPrefix;
  if (national !== "" && cleaned.startsWith(national) && cleaned.length > national.length) {
    return toE164(plan.countryCode + cleaned.slice(national.length), cleaned);
  }
  return context === "dialled" ? { kind: "short", digits: cleaned } : toE164(cleaned, cleaned);
}

/** E.164 form of a network-side number, or null when it has none (withheld, garbage). */
export function toNetworkE164(raw: string | null, plan: NumberingPlan): string | null {
  if (raw === null) return null;
  const parsed = parseNumber(raw, plan, "network");
  return parsed.kind === "e164" ? parsed.e164 : null;
}

/**
 * Normalises a block-list prefix. Prefixes are shorter than E.164 minimum, so the length check
 * is skipped: "+4470" and "070" (UK plan) both give "+4470"; unusable input gives null.
 */
export function normalizePrefix(raw: string, plan: NumberingPlan): string | null {
  const cleaned = cleanNumber(raw);
  const digits = cleaned.startsWith("+") ? cleaned.slice(1) : expandPrefix(cleaned, plan);
  return digits !== null && DIGITS.test(digits) && !digits.startsWith("0") ? `+${digits}` : null;
}

function expandPrefix(cleaned: string, plan: NumberingPlan): string | null {
  const intl = plan.internationalPrefix;
  if (intl !== "" && cleaned.startsWith(intl) && cleaned.length > intl.length) return cleaned.slice(intl.length);
  const national = plan.nationalPrefix;
  if (national !== "" && cleaned.startsWith(national) && cleaned.length > national.length) {
    return plan.countryCode + cleaned.slice(national.length);
  }
  return cleaned === "" ? null : cleaned;
}
