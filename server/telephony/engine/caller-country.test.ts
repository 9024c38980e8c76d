import { describe, expect, it } from "vitest";
import { callerCountry, displayNumber } from "./caller-country";

describe("displayNumber", () => {
  it.each([
    ["+12125550100", "+1 2125550100"],
    ["+442079460000", "+44 2079460000"],
    ["+35312345678", "+353 12345678"],
    ["+80012345678", "+80012345678"],
    // Codes the metadata does not know (+800 freephone, unassigned +999): shown as they are.
    ["+9991234567", "+9991234567"],
  ])("sets the calling code of %s apart", (e164, shown) => {
    expect(displayNumber(e164)).toBe(shown);
  });
});

describe("callerCountry", () => {
  it.each([
    ["+12125550100", "US"],
    ["+14165550100", "CA"],
    ["+442079460000", "GB"],
    ["+33142000000", "FR"],
    ["+80012345678", null],
    ["+9991234567", null],
  ])("places %s in %s", (e164, country) => {
    expect(callerCountry(e164)).toBe(country);
  });
});

describe("calling codes read from the digits", () => {
  it.each([
    ["+12125550100", "+1 2125550100"],
    ["+4420794600", "+44 20794600"],
    ["+35312345678", "+353 12345678"],
    ["+0112345678", "+0112345678"], // no code starts with 0
    ["+", "+"],
    ["+9", "+9"],
  ])("displayNumber(%s) is %s", (e164, shown) => {
    expect(displayNumber(e164)).toBe(shown);
  });
});
