import { describe, expect, it } from "vitest";
import { balanceWarning, compareDecimal } from "./balance-warning";

describe("balanceWarning", () => {
  it("warns below zero, and when the balance does not cover the next monthly charge", () => {
    expect(balanceWarning("-0.01", "0")).toBe("overdrawn");
    expect(balanceWarning("9.97", "9.98")).toBe("low");
    expect(balanceWarning("9.98", "9.98")).toBeNull();
    expect(balanceWarning("0", "0")).toBeNull();
    expect(balanceWarning("0.00", "4.99")).toBe("low");
  });
});

describe("compareDecimal", () => {
  it("compares exact decimal strings, past a float's precision", () => {
    expect(compareDecimal("12.5", "12.50000")).toBe(0);
    expect(compareDecimal("-0", "0")).toBe(0);
    expect(compareDecimal("-9.98", "-10")).toBe(1);
    expect(compareDecimal("10000000000000000.00001", "10000000000000000")).toBe(1);
    expect(compareDecimal("2", "10")).toBe(-1);
  });
});
