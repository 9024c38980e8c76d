/**
 * Countries a customer may search, from libphonenumber's metadata (every region it knows),
 * named in the reader's locale and sorted by that name. The partner decides which ones have
 * numbers; an empty search says so.
 */
import { getCountries } from "libphonenumber-js/min";
import { countryFlag, countryName } from "@/components/format/phone-display";

export function countryOptions(locale: string) {
  return getCountries()
    .map((iso) => ({ value: iso, label: `${countryFlag(iso)} ${countryName(iso, locale)}`, name: countryName(iso, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map(({ value, label }) => ({ value, label }));
}
