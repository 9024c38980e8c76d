import { describe, expect, it } from "vitest";
import { ledgerKindLabel } from "./format";
import { newIdempotencyKey } from "./idempotency-key";

describe("billing words", () => {
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
