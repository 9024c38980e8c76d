import { getCountries } from "libphonenumber-js/max";
import { countryName } from "@/components/format/phone-display";
import type { SelectOption } from "@/components/ui/select";

/** Every region libphonenumber knows, by name in the viewer's language: the same list the server accepts. */
export function countryOptions(locale: string): SelectOption[] {
  return getCountries()
    .map((iso) => ({ value: iso, label: `${countryName(iso, locale)} (${iso})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
