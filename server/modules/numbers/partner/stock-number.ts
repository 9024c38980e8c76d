/**
 * What makes a number sellable from a partner's stock, shared by the "Add number" form, the
 * CSV import and their tests. Pure and browser-safe (libphonenumber-js only).
 */
import { getCountries } from "libphonenumber-js/max";
import { isPremiumKind, parsePhoneNumber, type ParsedPhoneNumber } from "../../../../components/format/phone-number";

/** The region the import and the form read a national number ("020 7946 0000") in by default. */
export const DEFAULT_STOCK_COUNTRY = "GB";
export const MAX_AREA_CHARS = 80;

const KNOWN_COUNTRIES = new Set<string>(getCountries());

/** An ISO 3166-1 alpha-2 region libphonenumber has metadata for ("GB", "US"). */
export const isKnownCountry = (iso: string) => KNOWN_COUNTRIES.has(iso);

/**
 * The number as stored (E.164, region, type), or why it cannot be stocked: not a valid number,
 * a region other than the one named, or premium-rate / shared-cost (never sold as ordinary
 * numbers: the caller pays more than they expect). Without `country`, a national number is
 * read as British and an international one (+…) as whatever it is.
 */
export function parseStockNumber(raw: string, country?: string): { number: ParsedPhoneNumber } | { problem: string } {
  if (raw.trim() === "") return { problem: "Enter a number." };
  if (country !== undefined && !isKnownCountry(country)) return { problem: `“${country}” is not a country code we know; use two letters such as GB.` };
  const region = country ?? DEFAULT_STOCK_COUNTRY;
  const parsed = parsePhoneNumber(raw, region);
  if (!parsed) return { problem: `“${raw.trim()}” is not a valid ${region} number (or an international one starting with +).` };
  if (country !== undefined && parsed.country && parsed.country !== country) {
    return { problem: `${parsed.e164} is a ${parsed.country} number, not ${country}.` };
  }
  if (isPremiumKind(parsed.kind)) return { problem: `${parsed.e164} is a premium-rate or shared-cost number; these cannot be sold as ordinary numbers.` };
  return { number: parsed };
}
