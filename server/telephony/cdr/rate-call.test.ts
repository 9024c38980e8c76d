import { describe, expect, it, vi } from "vitest";
import { buildRateTable, chargedSeconds, rateCall } from "./rate-call";

const table = buildRateTable([
  { prefix: "44", ratePerMinute: "0.01000", connectFee: "0", incrementSec: 60, minimumSec: 0 },
  { prefix: "447", ratePerMinute: "0.12000", connectFee: "0.05000", incrementSec: 60, minimumSec: 0 },
  { prefix: "4477009", ratePerMinute: "0.30000", connectFee: "0", incrementSec: 1, minimumSec: 30 },
  { prefix: "1", ratePerMinute: "0.02", connectFee: "0", incrementSec: 6, minimumSec: 0 },
]);
const cost = (billableSec: number, destinationE164: string) => rateCall({ billableSec, destinationE164 }, table).cost?.toFixed(5);

describe("rateCall", () => {
  it("charges nothing, not even the connect fee, for 0 seconds", () => {
    expect(cost(0, "+447700100100")).toBe("0.00000");
  });

  it("charges exactly one increment for a call of exactly one increment", () => {
    expect(cost(60, "+447700100100")).toBe("0.17000"); // 0.05 + 0.12
  });

  it("rounds one second over the increment up to the next increment", () => {
    expect(cost(61, "+447700100100")).toBe("0.29000"); // 0.05 + 2 * 0.12
    expect(cost(7, "+15551234567")).toBe("0.00400"); // 12 s at 0.02/min
  });

  it("applies the minimum before rounding", () => {
    expect(cost(5, "+447700900123")).toBe("0.15000"); // 30 s at 0.30/min, per-second increments
    expect(cost(31, "+447700900123")).toBe("0.15500");
  });

  it("uses the longest matching prefix", () => {
    expect(rateCall({ billableSec: 60, destinationE164: "+447700900123" }, table).prefix).toBe("4477009");
    expect(rateCall({ billableSec: 60, destinationE164: "+442071234567" }, table).prefix).toBe("44");
  });

  it("leaves a call to an unmatched destination unrated and warns", () => {
    const warn = vi.fn();
    expect(rateCall({ billableSec: 60, destinationE164: "+33123456789" }, table, warn)).toEqual({ cost: null, prefix: null });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("no tariff rate"), { destination: "+33123456789" });
  });

  it("keeps money exact where floats would drift", () => {
    const t = buildRateTable([{ prefix: "9", ratePerMinute: "0.1", connectFee: "0.2", incrementSec: 60, minimumSec: 0 }]);
    expect(rateCall({ billableSec: 60, destinationE164: "+9123" }, t).cost?.toString()).toBe("0.3");
  });

  it("treats a zero increment as per-second", () => {
    expect(chargedSeconds(7, { incrementSec: 0, minimumSec: 0 })).toBe(7);
  });
});
