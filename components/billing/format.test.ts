import { describe, expect, it } from "vitest";
import { formatAmount, formatSignedAmount, ledgerKindLabel } from "./format";
import { newIdempotencyKey } from "./idempotency-key";

describe("billing formatting", () => {
  it("formats exact decimal strings with at least 2 and at most 5 decimals", () => {
    expect(formatAmount("50", "GBP")).toBe("£50.00");
    expect(formatAmount("40.02", "GBP")).toBe("£40.02");
    expect(formatAmount("0.00125", "EUR")).toBe("€0.00125");
    expect(formatAmount("-9.98", "GBP")).toBe("-£9.98");
  });

  it("shows a zero-decimal currency without decimals it does not have", () => {
    expect(formatAmount("2550", "JPY")).toBe("JP¥2,550");
    expect(formatAmount("-2500", "JPY")).toBe("-JP¥2,500");
  });

  it("puts the sign in the text of ledger amounts", () => {
    expect(formatSignedAmount("10", "GBP")).toBe("+£10.00");
    expect(formatSignedAmount("-9.98", "GBP")).toBe("-£9.98");
    expect(formatSignedAmount("0", "GBP")).toBe("£0.00");
  });

  it("names ledger kinds in words", () => {
    expect(ledgerKindLabel("CREDIT_MANUAL")).toBe("Credit from provider");
    expect(ledgerKindLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("makes distinct v4 UUIDs", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
