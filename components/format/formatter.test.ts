import { describe, expect, it } from "vitest";
import { formatterFor } from "./formatter";
import { formatSettingsOf, isSupportedLocale, isTimeZone, ZLocale, ZTimeZone } from "./settings";

const london = formatterFor({ locale: "en-GB", timeZone: "Europe/London" });

describe("the formatter", () => {
  it("writes dates the British way in the tenant's zone, whatever this process's own zone", () => {
    // 22:52 UTC in December is 22:52 in London (GMT); in July London is an hour ahead (BST).
    expect(london.dateTime("2026-12-01T22:52:00Z")).toBe("1 Dec 2026, 22:52");
    expect(london.dateTime(new Date("2026-07-01T22:52:00Z"))).toBe("1 Jul 2026, 23:52");
    expect(london.date("2026-12-01T23:59:00Z")).toBe("1 Dec 2026");
    expect(london.time("2026-12-01T08:05:00Z")).toBe("08:05");
    expect(london.dayMonth("2026-12-01T12:00:00Z")).toBe("1 Dec");
  });

  it("moves the day with the zone: 23:30 UTC is already tomorrow in Sydney", () => {
    const sydney = formatterFor({ locale: "en-AU", timeZone: "Australia/Sydney" });
    expect(sydney.date("2026-12-01T23:30:00Z")).toBe("2 Dec 2026");
  });

  it("follows the locale: American English puts the month first and uses a 12-hour clock", () => {
    const us = formatterFor({ locale: "en-US", timeZone: "America/New_York" });
    // ICU versions differ in the space before "PM" (U+0020 or U+202F).
    expect(us.dateTime("2026-12-01T22:52:00Z").replace(/\s/g, " ")).toBe("Dec 1, 2026, 5:52 PM");
    expect(us.money("1234.5", "USD")).toBe("$1,234.50");
  });

  it("formats exact decimal strings with the currency's decimals at least and up to 5", () => {
    expect(london.money("50", "GBP")).toBe("£50.00");
    expect(london.money("40.02", "GBP")).toBe("£40.02");
    expect(london.money("0.00125", "EUR")).toBe("€0.00125");
    expect(london.money("-9.98", "GBP")).toBe("-£9.98");
    // Past a float's precision: formatted from the string, not rounded through a number.
    expect(london.money("12345678901234.56789", "GBP")).toBe("£12,345,678,901,234.56789");
  });

  it("shows a zero-decimal currency without decimals it does not have", () => {
    expect(london.money("2550", "JPY")).toBe("JP¥2,550");
    expect(london.money("-2500", "JPY")).toBe("-JP¥2,500");
  });

  it("puts the sign in the text of ledger amounts", () => {
    expect(london.signedMoney("10", "GBP")).toBe("+£10.00");
    expect(london.signedMoney("-9.98", "GBP")).toBe("-£9.98");
    expect(london.signedMoney("0", "GBP")).toBe("£0.00");
  });

  it("groups counts", () => {
    expect(london.number(50_000)).toBe("50,000");
  });

  it("hands out one formatter per settings", () => {
    expect(formatterFor({ locale: "en-GB", timeZone: "Europe/London" })).toBe(london);
  });
});

describe("locale and time-zone settings", () => {
  it("accepts canonical, supported locales and IANA zones", () => {
    expect(isSupportedLocale("en-GB")).toBe(true);
    expect(isSupportedLocale("en-gb")).toBe(false); // stored canonical, so comparisons hold
    expect(isSupportedLocale("not a locale")).toBe(false);
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("+01:00")).toBe(false);
  });

  it("gives clear messages for what it refuses", () => {
    expect(ZLocale.safeParse("fr-XX-bogus!").error?.issues[0]?.message).toBe("Choose a locale such as en-GB");
    expect(ZLocale.safeParse("de-DE").error?.issues[0]?.message).toBe("Choose one of the listed locales");
    expect(ZTimeZone.safeParse("Europe/Atlantis").error?.issues[0]?.message).toBe("Use an IANA time zone such as Europe/London");
    expect(ZTimeZone.safeParse("Europe/London\u0000").error?.issues[0]?.message).toMatch(/control character U\+0000/);
    expect(ZTimeZone.parse(" Europe/Paris ")).toBe("Europe/Paris");
  });

  it("falls back to en-GB and Europe/London for stored values this runtime cannot use", () => {
    expect(formatSettingsOf({ locale: "xx-INVALID-", timeZone: "Nowhere/Land" })).toEqual({ locale: "en-GB", timeZone: "Europe/London" });
    expect(formatSettingsOf({ locale: "en-US", timeZone: "America/Chicago" })).toEqual({ locale: "en-US", timeZone: "America/Chicago" });
  });
});
