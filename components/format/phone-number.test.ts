import { describe, expect, it } from "vitest";
import { countryFlag, countryName, formatInternational } from "./phone-display";
import { isMobileKind, parsePhoneNumber } from "./phone-number";

describe("parsePhoneNumber", () => {
  it("reads international and national forms into E.164 with country and kind", () => {
    expect(parsePhoneNumber("+44 20 7946 0018")).toEqual({ e164: "+442079460018", country: "GB", nationalDigits: "2079460018", kind: "FIXED_LINE" });
    expect(parsePhoneNumber("07911 123456", "GB")).toMatchObject({ e164: "+447911123456", kind: "MOBILE" });
    expect(parsePhoneNumber("(212) 555-0123", "US")?.e164).toBe("+12125550123");
    expect(parsePhoneNumber("0800 123 4567", "GB")?.kind).toBe("TOLL_FREE");
  });

  it("refuses what is not a valid number, including control characters and letters", () => {
    for (const bad of ["", "12", "+44 20 7946 001", "+44 20 7946 0018\u0000", "+44 20 7946 0018 ext", "call me", "+99912345678"]) {
      expect(parsePhoneNumber(bad), bad).toBeNull();
    }
  });

  it("knows which numbers can take an SMS", () => {
    expect(isMobileKind(parsePhoneNumber("+447911123456")!.kind)).toBe(true);
    expect(isMobileKind(parsePhoneNumber("+442079460018")!.kind)).toBe(false);
  });
});

describe("display", () => {
  it("formats internationally and names the country", () => {
    expect(formatInternational("+442079460018")).toBe("+44 20 7946 0018");
    expect(formatInternational("not a number")).toBe("not a number");
    expect(countryFlag("GB")).toBe("🇬🇧");
    expect(countryFlag(null)).toBe("");
    expect(countryName("DE", "en-GB")).toBe("Germany");
  });
});
