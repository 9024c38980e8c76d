/**
 * Phone numbers as people read them and as the database keeps them, through libphonenumber-js
 * (maintained metadata for every country), never hand-written rules. Browser-safe: the portal
 * formats with the same code the server validates with. Stored form is always E.164.
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export type NumberKind = "FIXED_LINE" | "MOBILE" | "FIXED_LINE_OR_MOBILE" | "TOLL_FREE" | "PREMIUM_RATE" | "SHARED_COST" | "VOIP" | "PERSONAL_NUMBER" | "PAGER" | "UAN" | "VOICEMAIL";

export type ParsedPhoneNumber = {
  e164: string;
  /** ISO 3166-1 alpha-2, e.g. "GB"; null for numbers of no single country (+800…). */
  country: string | null;
  /** The national significant number: digits after the country code, no trunk prefix. */
  nationalDigits: string;
  /** null when the metadata cannot tell (some ranges are shared). */
  kind: NumberKind | null;
};

/**
 * Parses what a person or a supplier wrote ("+44 20 7123 4567", "020 7123 4567" with
 * defaultCountry "GB") into E.164 and facts about it; null when it is not a valid number.
 * Control characters and letters are refused outright rather than "helpfully" stripped.
 */
export function parsePhoneNumber(text: string, defaultCountry?: string): ParsedPhoneNumber | null {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > 40 || !/^[+\d\s().-]+$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) return null;
  return {
    e164: parsed.number,
    country: parsed.country ?? null,
    nationalDigits: parsed.nationalNumber,
    kind: (parsed.getType() as NumberKind | undefined) ?? null,
  };
}

/** Mobile numbers (and ranges shared by mobiles and landlines, as in the US) can receive SMS. */
export const isMobileKind = (kind: NumberKind | null) => kind === "MOBILE" || kind === "FIXED_LINE_OR_MOBILE";

/** Kinds a customer must never be sold as an ordinary number, nor forward or call back to. */
export const isPremiumKind = (kind: NumberKind | null) => kind === "PREMIUM_RATE" || kind === "SHARED_COST";

/** Where a calling code is shared (+1, +7, +44, +61), the country whose national format people type. */
const MAIN_REGION: Record<string, CountryCode> = { "1": "US", "7": "RU", "44": "GB", "61": "AU" };

/** The ISO region of a company's dialling code (Tenant.countryCode, e.g. "44"), to read numbers typed nationally. */
export function regionOfCallingCode(callingCode: string): CountryCode | undefined {
  return MAIN_REGION[callingCode] ?? getCountries().find((c) => getCountryCallingCode(c) === callingCode);
}
