import { describe, expect, it } from "vitest";
import { isChargeableAmount, paidSessionProblem, type RecordedTopUp } from "./top-up-domain";

const pending: RecordedTopUp = { status: "PENDING", amountMinor: 2550, currency: "GBP" };
const paid = (amountTotal: number | null, currency: string | null = "gbp") => ({ amountTotal, currency });

describe("paidSessionProblem", () => {
  it("credits a pending top-up paid in exactly its amount and currency", () => {
    expect(paidSessionProblem(pending, paid(2550))).toBeNull();
  });

  it("refuses a second paid notice for a settled top-up, whatever it says", () => {
    expect(paidSessionProblem({ ...pending, status: "CREDITED" }, paid(2550))).toBe("ALREADY_CREDITED");
    expect(paidSessionProblem({ ...pending, status: "REFUSED" }, paid(2550))).toBe("ALREADY_REFUSED");
  });

  it("refuses the same digits in another currency before comparing amounts", () => {
    expect(paidSessionProblem({ ...pending, amountMinor: 2500 }, paid(2500, "jpy"))).toBe("CURRENCY_MISMATCH");
    expect(paidSessionProblem(pending, paid(2550, null))).toBe("CURRENCY_MISMATCH");
    // Stripe writes lower case; anything else is not what Stripe said it charged.
    expect(paidSessionProblem(pending, paid(2550, "GBP"))).toBe("CURRENCY_MISMATCH");
  });

  it("refuses any other amount, more or less", () => {
    expect(paidSessionProblem(pending, paid(2549))).toBe("AMOUNT_MISMATCH");
    expect(paidSessionProblem(pending, paid(2551))).toBe("AMOUNT_MISMATCH");
  });

  it("refuses amounts no charge can have: missing, zero, negative, fractional, beyond exact integers", () => {
    for (const amount of [null, 0, -2550, 2549.5, 2 ** 53]) expect(paidSessionProblem(pending, paid(amount)), String(amount)).toBe("INVALID_AMOUNT");
    expect([1, 2550].map(isChargeableAmount)).toEqual([true, true]);
  });
});
