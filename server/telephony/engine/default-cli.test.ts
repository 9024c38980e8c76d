import { describe, expect, it } from "vitest";
import { companyDefaultCli } from "./default-cli";

describe("companyDefaultCli", () => {
  it("is the company's lowest number, whatever order the numbers come in, and leaves the list alone", () => {
    const numbers = ["+442079460002", "+441614960001", "+442079460001"];
    expect(companyDefaultCli(numbers)).toBe("+441614960001");
    expect(numbers[0]).toBe("+442079460002");
  });

  it("is null for a company without numbers (it cannot call out)", () => {
    expect(companyDefaultCli([])).toBeNull();
  });
});
