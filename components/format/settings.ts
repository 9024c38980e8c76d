/**
 * Locale and time-zone values as stored on partners and tenants: checked against what this
 * runtime's Intl supports when written, and again when read (a row written by hand or by an
 * older runtime falls back to the default rather than breaking every page).
 */
import { singleLine } from "@/server/validation/text";
import { DEFAULT_FORMAT, type FormatSettings } from "./formatter";

export function isSupportedLocale(locale: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    return canonical === locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false; // RangeError: not a BCP 47 tag
  }
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone) || timeZone === "UTC";
  } catch {
    return false;
  }
}

/** The locales a partner picks from: those the product's texts read naturally in. */
export const LOCALE_CHOICES = [
  { value: "en-GB", label: "English (United Kingdom)" },
  { value: "en-IE", label: "English (Ireland)" },
  { value: "en-US", label: "English (United States)" },
  { value: "en-AU", label: "English (Australia)" },
  { value: "en-CA", label: "English (Canada)" },
  { value: "en-NZ", label: "English (New Zealand)" },
  { value: "en-ZA", label: "English (South Africa)" },
] as const;

export const ZLocale = singleLine()
  .refine(isSupportedLocale, "Choose a locale such as en-GB")
  .refine((l) => LOCALE_CHOICES.some((c) => c.value === l), "Choose one of the listed locales");

export const ZTimeZone = singleLine().max(64, "Use an IANA time zone such as Europe/London").refine(isTimeZone, "Use an IANA time zone such as Europe/London");

/** Settings read from the database, with the default for anything this runtime cannot use. */
export function formatSettingsOf(stored: { locale?: string | null; timeZone?: string | null }): FormatSettings {
  return {
    locale: stored.locale && isSupportedLocale(stored.locale) ? stored.locale : DEFAULT_FORMAT.locale,
    timeZone: stored.timeZone && isTimeZone(stored.timeZone) ? stored.timeZone : DEFAULT_FORMAT.timeZone,
  };
}
