/**
 * Every date, time, amount and count a person reads goes through one formatter, built from
 * the partner's locale and the tenant's time zone (FormatSettings). Pure and isomorphic: the
 * server renders exactly the text the browser hydrates, because neither side uses its own
 * locale or zone.
 *
 * Money arrives as exact decimal strings ("4.99", "-0.00125") and is formatted from the string,
 * so no amount is ever rounded through a float on its way to the screen.
 */

export type FormatSettings = { locale: string; timeZone: string };

/** The demo's and the default: a £, Europe/London product. */
export const DEFAULT_FORMAT: FormatSettings = { locale: "en-GB", timeZone: "Europe/London" };

const MAX_MONEY_DECIMALS = 5; // what the ledger stores

export type Formatter = FormatSettings & {
  /** "1 Dec 2026, 22:52" */
  dateTime(value: Date | string): string;
  /** "1 Dec 2026" */
  date(value: Date | string): string;
  /** "22:52" */
  time(value: Date | string): string;
  /** "1 Dec": chart axes */
  dayMonth(value: Date | string): string;
  /** "£4.99", "-£9.98", "€0.00125" */
  money(amount: string, currency: string): string;
  /** "+£50.00", "-£9.98": the sign is in the text, so colour is never the only cue */
  signedMoney(amount: string, currency: string): string;
  /** "12,500" */
  number(value: number): string;
};

const toDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

/** The currency's own decimals at least (2 for GBP, 0 for JPY), up to the 5 we store. */
function moneyDecimals(amount: string, currency: string): number {
  const fraction = amount.split(".")[1]?.replace(/0+$/, "") ?? "";
  const minimum = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().minimumFractionDigits ?? 2;
  return Math.max(minimum, Math.min(MAX_MONEY_DECIMALS, fraction.length));
}

const cache = new Map<string, Formatter>();

/** One formatter per settings, kept: Intl objects are costly to build and used on every row. */
export function formatterFor(settings: FormatSettings = DEFAULT_FORMAT): Formatter {
  const key = `${settings.locale}|${settings.timeZone}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = buildFormatter(settings);
    cache.set(key, formatter);
  }
  return formatter;
}

function buildFormatter({ locale, timeZone }: FormatSettings): Formatter {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone });
  const number = new Intl.NumberFormat(locale);
  const money = (amount: string, currency: string, signDisplay: "auto" | "exceptZero") => {
    const digits = moneyDecimals(amount, currency);
    const format = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay });
    // Intl formats a decimal string exactly (ES2023); the cast only satisfies older lib typings.
    return format.format(amount.trim() as unknown as number);
  };
  return {
    locale,
    timeZone,
    dateTime: (value) => dateTime.format(toDate(value)),
    date: (value) => date.format(toDate(value)),
    time: (value) => time.format(toDate(value)),
    dayMonth: (value) => dayMonth.format(toDate(value)),
    money: (amount, currency) => money(amount, currency, "auto"),
    signedMoney: (amount, currency) => money(amount, currency, "exceptZero"),
    number: (value) => number.format(value),
  };
}
