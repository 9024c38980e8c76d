import { describe, expect, it } from "vitest";
import { normalizePrefix, parseNumber, toNetworkE164 } from "./normalize-number";

const UK = { countryCode: "44", nationalPrefix: "0", internationalPrefix: "00" };
const NANP = { countryCode: "1", nationalPrefix: "1", internationalPrefix: "011" };

describe("parseNumber", () => {
  it.each([
    ["+44 1632 960001", "+441632960001"],
    ["01632-960001", "+441632960001"],
    ["(01632) 960.001", "+441632960001"],
    ["0033 1 23 45 67 89", "+33123456789"],
  ])("reads %s as %s in the UK plan", (raw, e164) => {
    expect(parseNumber(raw, UK, "dialled")).toEqual({ kind: "e164", e164 });
  });

  it("checks the international prefix before the national one", () => {
    expect(parseNumber("0015551234567", UK, "dialled")).toEqual({ kind: "e164", e164: "+15551234567" });
    expect(parseNumber("01115551234567", NANP, "dialled")).toEqual({ kind: "e164", e164: "+15551234567" });
    expect(parseNumber("12125551234", NANP, "dialled")).toEqual({ kind: "e164", e164: "+12125551234" });
  });

  it("treats other digits as short numbers when dialled and as E.164 without + from the network", () => {
    expect(parseNumber("201", UK, "dialled")).toEqual({ kind: "short", digits: "201" });
    expect(parseNumber("*97", UK, "dialled")).toEqual({ kind: "short", digits: "*97" });
    expect(parseNumber("441632960001", UK, "network")).toEqual({ kind: "e164", e164: "+441632960001" });
    expect(parseNumber("201", UK, "network").kind).toBe("invalid");
  });

  it.each(["", "   ", "+", "+0441632960001", "+4416329600011234", "abc", "+44 16x", "*97#".repeat(20)])(
    "rejects %j",
    (raw) => {
      expect(parseNumber(raw, UK, "network").kind).toBe("invalid");
    },
  );

  it("does not treat a lone national prefix as a national number", () => {
    expect(parseNumber("0", UK, "dialled")).toEqual({ kind: "short", digits: "0" });
  });
});

describe("toNetworkE164", () => {
  it("maps withheld and garbage callers to null", () => {
    expect(toNetworkE164(null, UK)).toBeNull();
    expect(toNetworkE164("anonymous", UK)).toBeNull();
    expect(toNetworkE164("07700 900123", UK)).toBe("+447700900123");
  });
});

describe("normalizePrefix", () => {
  it("normalises national and international prefixes without a length check", () => {
    expect(normalizePrefix("0900", UK)).toBe("+44900");
    expect(normalizePrefix("+1 900", UK)).toBe("+1900");
    expect(normalizePrefix("001900", UK)).toBe("+1900");
    expect(normalizePrefix("+", UK)).toBeNull();
    expect(normalizePrefix("0", UK)).toBeNull();
    expect(normalizePrefix("09a", UK)).toBeNull();
  });
});
