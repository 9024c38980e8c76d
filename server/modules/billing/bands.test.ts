import { describe, expect, it } from "vitest";
import { compareDecimals } from "./bands";

describe("compareDecimals", () => {
  it("orders decimal strings exactly, whatever their widths", () => {
    expect(compareDecimals("4.99", "5.99")).toBe(-1);
    expect(compareDecimals("10", "9.99999")).toBe(1);
    expect(compareDecimals("5", "5.00000")).toBe(0);
    expect(compareDecimals("007.5", "7.50")).toBe(0);
    expect(compareDecimals("0.01", "0.001")).toBe(1);
    expect(compareDecimals("0", "0.00001")).toBe(-1);
  });

  it("agrees with the amount bounds the top-up schema checks", () => {
    expect(compareDecimals("5000.01", "5000")).toBe(1);
    expect(compareDecimals("4.99", "5")).toBe(-1);
    expect(compareDecimals("100000", "100000")).toBe(0);
  });
});
