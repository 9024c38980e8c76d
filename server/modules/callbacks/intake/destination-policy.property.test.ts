/**
 * Hostile input never passes the destination policy unless it is an allowed E.164 number:
 * whatever the format, length, prefix or script of the digits, an accepted verdict names a
 * plain E.164 number, in an allowed country, of an allowed type, under no blocked prefix, and
 * that number is itself accepted as typed (what is checked is what is dialled).
 */
import fc from "fast-check";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { checkDestination, SAFE_NUMBER_TYPES, type DestinationPolicy } from "./destination-policy";

const UNICODE_DIGITS = ["٠", "١", "۵", "०", "৩", "０", "９", "𝟘", "𝟙", "¹", "²", "①", "Ⅻ"];
const PREFIXES = ["+", "00", "0", "+44", "+4490", "+44870", "+881", "+882", "+979", "+800", "+1900", "+1", "+7", "+235", "*", "#", "+0", "++", "tel:", "sip:"];
const NOISE = [" ", "-", ".", "(", ")", "\u0000", "\n", "\t", "\u202e", "\u200b", "ext", "x", ";", ",", "@", "/", "%2B", "\uff0b"];

const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.tuple(fc.constantFrom(...PREFIXES), fc.stringMatching(/^[0-9]{0,20}$/)).map(([p, d]) => p + d),
  fc.array(fc.oneof(fc.constantFrom(...UNICODE_DIGITS, ...NOISE, ...PREFIXES), fc.stringMatching(/^[0-9]{1,4}$/)), { maxLength: 12 }).map((parts) => parts.join("")),
  fc.stringMatching(/^[0-9]{1,40}$/),
  // Real numbers, some decorated: the accepted side of the property must be exercised too.
  fc.tuple(fc.constantFrom("+44 20 7946 ", "020 7946 ", "07400 1", "+1 202 555 ", "+49 30 ", "+33 1 42 ", "0909 879 ", "+44 7911 12"), fc.stringMatching(/^[0-9]{4,6}$/), fc.constantFrom("", " ", "-1", "\u00a0")).map(([a, b, c]) => a + b + c),
);
const policies = fc.record({
  countryCode: fc.constantFrom("44", "1", "49", "33"),
  allowedCountries: fc.subarray(["GB", "US", "DE", "FR", "JE", "GG"]),
  allowedTypes: fc.subarray(["TOLL_FREE", "VOIP", "PREMIUM_RATE", "SHARED_COST"]),
  blockedPrefixes: fc.subarray(["4474", "1212", "49", "337"]),
}) satisfies fc.Arbitrary<DestinationPolicy>;

describe("destination policy under hostile input", () => {
  it("accepts only allowed E.164 numbers", () => {
    let accepted = 0;
    fc.assert(
      fc.property(hostile, policies, (input, policy) => {
        const verdict = checkDestination(input, policy);
        if (!verdict.ok) return;
        accepted++;
        expect(verdict.e164).toMatch(/^\+[1-9][0-9]{6,14}$/);
        const parsed = parsePhoneNumberFromString(verdict.e164);
        expect(parsed?.isValid()).toBe(true);
        const countries = policy.allowedCountries.length > 0 ? policy.allowedCountries : [];
        if (countries.length > 0) expect(countries).toContain(parsed?.country);
        const type = parsed?.getType();
        expect([...SAFE_NUMBER_TYPES, ...policy.allowedTypes]).toContain(type);
        expect(policy.blockedPrefixes.some((p) => verdict.e164.slice(1).startsWith(p))).toBe(false);
        expect(checkDestination(verdict.e164, policy)).toEqual(verdict);
        // Only ASCII digits, separators and one leading + were in what was read.
        expect(input.trim()).toMatch(/^\+?[0-9 ().-]+$/);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it("refuses every number written with non-ASCII digits, even ones libphonenumber would read", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNICODE_DIGITS, "0", "2", "7", "9"), { minLength: 8, maxLength: 14 }), (chars) => {
        const input = chars.join("");
        fc.pre(/[^0-9]/.test(input));
        expect(checkDestination(input, { countryCode: "44", allowedCountries: [], allowedTypes: [], blockedPrefixes: [] }).ok).toBe(false);
      }),
    );
  });
});
