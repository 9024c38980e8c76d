import { describe, expect, it } from "vitest";
import { callChargeDescription, callDebits, formatCallDuration, type InsertedCall } from "./call-charges";

const call = (over: Partial<InsertedCall> = {}): InsertedCall => ({
  id: "cdr1", tenantId: "t1", channelId: "ch-1", calledNumber: "+442079460123", billableSec: 192, cost: "0.31500", currency: "GBP", ...over,
});

describe("formatCallDuration", () => {
  it.each([
    [0, "0 s"], [45, "45 s"], [60, "1 min 0 s"], [192, "3 min 12 s"], [3725, "1 h 2 min 5 s"], [3600, "1 h 0 min 0 s"], [-3, "0 s"], [12.9, "12 s"],
  ])("%s seconds read %s", (sec, text) => expect(formatCallDuration(sec)).toBe(text));
});

describe("callDebits", () => {
  it("debits −cost in the call's currency, keyed by channel, referencing the CDR", () => {
    const [row, ...rest] = callDebits([call()]);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ tenantId: "t1", kind: "CALL", currency: "GBP", reference: "cdr1", idempotencyKey: "call:ch-1" });
    expect(row!.amount.toString()).toBe("-0.315");
    expect(row!.description).toBe("Call to +44 20 7946 0123, 3 min 12 s");
  });

  it.each([
    ["unrated", { cost: null }],
    ["free", { cost: "0" }],
    ["without a currency", { currency: null }],
    ["negative (never a credit from a call)", { cost: "-1" }],
  ])("writes nothing for a call that is %s", (_name, over) => {
    expect(callDebits([call(over as Partial<InsertedCall>)])).toEqual([]);
  });

  it("keeps the number as stored when it is not a known number", () => {
    expect(callChargeDescription("+999123", 5)).toBe("Call to +999123, 5 s");
  });
});
