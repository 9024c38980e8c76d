import { describe, expect, it } from "vitest";
import { checkDestination, mainCountryOf, type DestinationPolicy } from "./destination-policy";

const UK: DestinationPolicy = { countryCode: "44", allowedCountries: [], allowedTypes: [], blockedPrefixes: [] };

describe("checkDestination", () => {
  it.each([
    ["+44 20 7946 0000", "+442079460000"],
    ["020 7946 0000", "+442079460000"],
    ["(020) 7946-0000", "+442079460000"],
    ["07400 123456", "+447400123456"],
  ])("lets an ordinary UK number %s through as %s", (typed, e164) => {
    expect(checkDestination(typed, UK)).toMatchObject({ ok: true, e164, country: "GB" });
  });

  it.each([
    ["09098 790000", "HIGH_RISK_NUMBER", "premium-rate"],
    ["0870 000 0000", "HIGH_RISK_NUMBER", "premium-rate"],
    ["0800 111 1111", "HIGH_RISK_NUMBER", "freephone"],
    ["0300 123 4567", "HIGH_RISK_NUMBER", "UAN"],
    ["+881 6 1234 5678", "HIGH_RISK_NUMBER", "Satellite"],
    ["+870 772 001 799", "HIGH_RISK_NUMBER", "Satellite"],
    ["+1 202 555 0123", "COUNTRY_NOT_ALLOWED", "country"],
    ["+44 7911 123456", "COUNTRY_NOT_ALLOWED", "country"], // Guernsey shares +44 but is not GB
    ["999", "INVALID_NUMBER", "not a phone number"],
    ["112", "INVALID_NUMBER", "not a phone number"],
    ["+4920100000000000", "INVALID_NUMBER", "not a phone number"], // libphonenumber: valid; E.164: 16 digits
    ["", "INVALID_NUMBER", "Enter a phone number"],
    ["０２０７９４６００００", "INVALID_NUMBER", "digits"],
    ["020 7946 0000 ext. 12", "INVALID_NUMBER", "digits"],
    ["+44 20 7946 0000\u0000", "INVALID_NUMBER", "digits"],
    ["tel:+442079460000", "INVALID_NUMBER", "digits"],
    ["+4420794600001234567890123456789012", "INVALID_NUMBER", "digits"],
  ])("refuses %s with %s", (typed, code, words) => {
    const verdict = checkDestination(typed, UK);
    expect(verdict).toMatchObject({ ok: false, code });
    expect(verdict.ok ? "" : verdict.message).toContain(words);
  });

  it("rings what the partner allowed on top, and other countries the company may call", () => {
    expect(checkDestination("0800 111 1111", { ...UK, allowedTypes: ["TOLL_FREE"] })).toMatchObject({ ok: true, type: "TOLL_FREE" });
    expect(checkDestination("+1 202 555 0123", { ...UK, allowedCountries: ["GB", "US"] })).toMatchObject({ ok: true, country: "US" });
    // Allowing other countries replaces the default: the home country must be listed to stay.
    expect(checkDestination("020 7946 0000", { ...UK, allowedCountries: ["US"] })).toMatchObject({ ok: false, code: "COUNTRY_NOT_ALLOWED" });
  });

  it("refuses the partner's own blocked prefixes even for safe types", () => {
    expect(checkDestination("07400 123456", { ...UK, blockedPrefixes: ["4474"] })).toMatchObject({ ok: false, code: "BLOCKED_PREFIX" });
    expect(checkDestination("020 7946 0000", { ...UK, blockedPrefixes: ["4474"] })).toMatchObject({ ok: true });
  });

  it("reads national numbers in the main country of the calling code", () => {
    expect(mainCountryOf("44")).toBe("GB");
    expect(mainCountryOf("1")).toBe("US");
    expect(checkDestination("(202) 555-0123", { ...UK, countryCode: "1" })).toMatchObject({ ok: true, e164: "+12025550123" });
  });
});
