import { expect, it } from "vitest";
import { partyLabel } from "./call-plan";

it("names a party by name and number, the number alone, or Anonymous", () => {
  expect(partyLabel({ number: "202", name: "Bob Baker" })).toBe("Bob Baker (202)");
  expect(partyLabel({ number: "+447700900123", name: null })).toBe("+447700900123");
  expect(partyLabel({ number: "+447700900123", name: "+447700900123" })).toBe("+447700900123");
  expect(partyLabel({ number: "202", name: "  " })).toBe("202");
  expect(partyLabel({ number: null, name: "Withheld" })).toBe("Anonymous");
});
