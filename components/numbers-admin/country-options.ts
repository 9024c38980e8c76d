"use client";

import { getCountries } from "libphonenumber-js/max";
import { useMemo, useSyncExternalStore } from "react";
import { countryName } from "@/components/format/phone-display";
import type { SelectOption } from "@/components/ui/select";

/** Every region libphonenumber knows, by name in the viewer's language: the same list the server accepts. */
function countryOptions(locale: string): SelectOption[] {
  return getCountries()
    .map((iso) => ({ value: iso, label: `${countryName(iso, locale)} (${iso})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

const noSubscription = () => () => {};

/**
 * `first` and then every country, once the page runs in the browser. Node's and the browser's
 * ICU name a few regions differently (HK: "Hong Kong SAR China" / "Hong Kong"), so a list
 * rendered on the server fails hydration; it is left to the client, where the names are read.
 */
export function useCountryOptions(locale: string, first: readonly SelectOption[]): SelectOption[] {
  const isBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  return useMemo(() => [...first, ...(isBrowser ? countryOptions(locale) : [])], [first, isBrowser, locale]);
}
