import { describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import { availableCredit, isCreditUsedUp } from "./credit-rule";

const d = (v: string) => new Prisma.Decimal(v);

describe("isCreditUsedUp", () => {
  it.each([
    ["prepaid with money left", true, "0.01", "0", false],
    ["prepaid at exactly zero", true, "0", "0", true],
    ["prepaid below zero within the limit", true, "-4.99", "5", false],
    ["prepaid at the limit", true, "-5", "5", true],
    ["prepaid beyond the limit (a long call's last charge)", true, "-5.30", "5", true],
    ["postpaid however far below zero", false, "-1000", "0", false],
  ])("%s", (_name, isPrepaid, balance, creditLimit, expected) => {
    expect(isCreditUsedUp({ isPrepaid, balance: d(balance), creditLimit: d(creditLimit) })).toBe(expected);
  });

  it("available credit is balance plus limit, exactly", () => {
    expect(availableCredit({ balance: d("-4.98765"), creditLimit: d("5") }).toString()).toBe("0.01235");
  });
});
