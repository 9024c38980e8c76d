/**
 * Phone numbers on screen: international format with the country's flag and name. Uses
 * libphonenumber-js's small metadata (formatting needs no type data), so client bundles
 * stay light; parsing and validation live in phone-number.ts.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import type { NumberKind } from "./phone-number";

/** "+44 20 7123 4567"; the input itself when it is not a number libphonenumber knows. */
export function formatInternational(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/** "🇬🇧": regional-indicator letters; "" for no country. Screen readers get the name instead. */
export function countryFlag(country: string | null): string {
  if (!country || !/^[A-Z]{2}$/.test(country)) return "";
  return String.fromCodePoint(...[...country].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** "United Kingdom", in the reader's locale. */
export function countryName(country: string | null, locale = "en-GB"): string {
  if (!country) return "International";
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(country) ?? country;
  } catch {
    return country;
  }
}

/** The country of an E.164 number, for display next to it. */
export function countryOf(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

const KIND_LABELS: Record<NumberKind, string> = {
  FIXED_LINE: "Landline", MOBILE: "Mobile", FIXED_LINE_OR_MOBILE: "Landline or mobile", TOLL_FREE: "Freephone",
  PREMIUM_RATE: "Premium rate", SHARED_COST: "Shared cost", VOIP: "VoIP", PERSONAL_NUMBER: "Personal number",
  PAGER: "Pager", UAN: "Universal access", VOICEMAIL: "Voicemail access",
};
export const numberKindLabel = (kind: string | null) => (kind && kind in KIND_LABELS ? KIND_LABELS[kind as NumberKind] : "Number");
