/**
 * Which country a caller's E.164 number belongs to, through libphonenumber-js's small metadata.
 * Parsing costs ~25 µs, far more than a routing decision, so: a calling code only one country
 * uses (+33, +49 …) answers without parsing; shared codes (+1, +44, +7 …) parse once per number
 * and are remembered in a bounded cache. A number libphonenumber cannot place (a fictional or
 * unassigned range) belongs to the code's main country, as people read it. Showing a number
 * in a reason never parses: the calling code is split off by its length.
 */
import { getCountries, parsePhoneNumberFromString } from "libphonenumber-js/min";
import metadata from "libphonenumber-js/metadata.min.json";

const MAX_CACHED_NUMBERS = 20_000;
const countryCache = new Map<string, string | null>();
let countriesByCode: Map<string, readonly string[]> | null = null;
let knownCountries: Set<string> | null = null;

function codes(): Map<string, readonly string[]> {
  countriesByCode ??= new Map(Object.entries((metadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes));
  return countriesByCode;
}

/** ISO alpha-2 codes libphonenumber knows, for validating configured country filters. */
export function isKnownCountry(country: string): boolean {
  knownCountries ??= new Set(getCountries());
  return knownCountries.has(country);
}

let countriesByNumericCode: Map<number, readonly string[]> | null = null;

/** The same table keyed by the code's value, so the digits after "+" are read without slicing a string per try. */
function numericCodes(): Map<number, readonly string[]> {
  countriesByNumericCode ??= new Map([...codes()].map(([code, countries]) => [Number(code), countries]));
  return countriesByNumericCode;
}

/** Calling codes are prefix-free, 1–3 digits (none starts with 0). */
function callingCodeLength(e164: string): number {
  const table = numericCodes();
  let code = 0;
  for (let length = 1; length <= 3 && length < e164.length; length++) {
    const digit = e164.charCodeAt(length) - 48;
    if (digit < 0 || digit > 9 || (length === 1 && digit === 0)) return 0;
    code = code * 10 + digit;
    if (table.has(code)) return length;
  }
  return 0;
}

function countriesOfCode(e164: string): readonly string[] | undefined {
  const length = callingCodeLength(e164);
  if (length === 0) return undefined;
  let code = 0;
  for (let i = 1; i <= length; i++) code = code * 10 + (e164.charCodeAt(i) - 48);
  return numericCodes().get(code);
}

function parse(e164: string) {
  try {
    return parsePhoneNumberFromString(e164);
  } catch {
    return undefined;
  }
}

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHED_NUMBERS) cache.clear();
  cache.set(key, value);
  return value;
}

/** ISO alpha-2 of an E.164 number the engine normalised, or null (+800 …, unknown codes). Never throws. */
export function callerCountry(e164: string): string | null {
  const countries = countriesOfCode(e164);
  if (countries === undefined) return null;
  if (countries.length === 1) return countries[0] === "001" ? null : countries[0]!;
  const cached = countryCache.get(e164);
  if (cached !== undefined) return cached;
  return remember(countryCache, e164, parse(e164)?.country ?? countries[0] ?? null);
}

/**
 * "+44 2079460000": the calling code set apart, for reasons a customer reads; the E.164 itself
 * for an unknown code. Not libphonenumber's "+44 20 7946 0000": grouping the national part
 * needs a parse (~25 µs for a number not seen before), more than a whole routing decision.
 */
export function displayNumber(e164: string): string {
  const length = callingCodeLength(e164);
  return length === 0 ? e164 : `${e164.slice(0, 1 + length)} ${e164.slice(1 + length)}`;
}

const names = new Map<string, string>();
let displayNames: Intl.DisplayNames | null | undefined;

/** "United States"; the code itself when Intl has no name for it. */
export function countryName(country: string | null): string {
  if (country === null) return "no country";
  const known = names.get(country);
  if (known) return known;
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(["en-GB"], { type: "region" });
    } catch {
      displayNames = null;
    }
  }
  let name = country;
  try {
    name = displayNames?.of(country) ?? country;
  } catch {
    name = country;
  }
  names.set(country, name);
  return name;
}
