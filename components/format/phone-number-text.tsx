import { countryFlag, countryName, formatInternational, countryOf } from "./phone-display";

/**
 * A stored E.164 number as people read it: flag, international format. The flag is decorative
 * (hidden from screen readers); the country's name is in the title and the accessible text.
 * Node's and the browser's ICU name a few regions differently ("Hong Kong SAR China" vs "Hong
 * Kong"), so the name may differ after hydration; that difference is expected, not an error.
 */
export function PhoneNumberText({ e164, locale = "en-GB" }: { e164: string; locale?: string }) {
  const country = countryOf(e164);
  const name = countryName(country, locale);
  return (
    <span className="whitespace-nowrap tabular-nums" title={name} suppressHydrationWarning>
      {country ? <span aria-hidden="true" className="mr-1">{countryFlag(country)}</span> : null}
      {formatInternational(e164)}
      <span className="sr-only" suppressHydrationWarning> ({name})</span>
    </span>
  );
}
