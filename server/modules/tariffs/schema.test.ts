import { describe, expect, it } from "vitest";
import { ZRateFields } from "./schema";

const RATE = { prefix: "44", description: "", ratePerMinute: "0.1", connectFee: "0", incrementSec: 60, minimumSec: 0 };

function fieldMessage(field: "incrementSec" | "minimumSec", value: unknown) {
  const result = ZRateFields.safeParse({ ...RATE, [field]: value });
  if (result.success) return null;
  return result.error.issues.find((i) => i.path[0] === field)?.message ?? "no message for the field";
}

describe("[TARIFFS] rate seconds fields", () => {
  it.each([["incrementSec"], ["minimumSec"]] as const)("%s refuses values that are not numbers, with a field message", (field) => {
    // z.coerce.number() used to store true as 1 and null, "" or [] as 0.
    for (const value of [true, false, null, undefined, "", "  ", "abc", "60s", "1e3", "-1", [], [60], {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(fieldMessage(field, value), JSON.stringify(value)).toBe("Enter a number");
    }
  });

  it("accepts numbers and numeric strings from forms alike", () => {
    for (const value of [60, "60", " 60 "]) {
      expect(ZRateFields.parse({ ...RATE, incrementSec: value }).incrementSec).toBe(60);
    }
    expect(ZRateFields.parse({ ...RATE, minimumSec: "0" }).minimumSec).toBe(0);
  });

  it("applies the same range and whole-second rules to both shapes", () => {
    expect(fieldMessage("incrementSec", 0)).toBe("At least 1 second");
    expect(fieldMessage("incrementSec", "0")).toBe("At least 1 second");
    expect(fieldMessage("incrementSec", "60.5")).toBe("Use whole seconds");
    expect(fieldMessage("minimumSec", -1)).toBe("Cannot be negative");
    expect(fieldMessage("minimumSec", "3601")).toBe("At most 3600 seconds");
  });
});
