import { describe, expect, it } from "vitest";
import { parseStripeEvent } from "./stripe-payload";

const session = (fields: Record<string, unknown> = {}) => ({ object: "checkout.session", id: "cs_1", payment_status: "paid", amount_total: 2550, currency: "gbp", ...fields });
const paidEvent = (object: unknown, type = "checkout.session.completed") => ({ id: "evt_1", object: "event", type, data: { object } });

describe("parseStripeEvent", () => {
  it("reads a paid Checkout Session from either paid event", () => {
    for (const type of ["checkout.session.completed", "checkout.session.async_payment_succeeded"]) {
      expect(parseStripeEvent(paidEvent(session(), type))).toEqual({
        kind: "paidSession", id: "evt_1", type,
        session: { id: "cs_1", isPaid: true, amountTotal: 2550, currency: "gbp", claimedTenantIds: [] },
      });
    }
  });

  it("keeps what the session claims about tenants as distinct, id-shaped claims only", () => {
    const claims = (fields: Record<string, unknown>) => {
      const parsed = parseStripeEvent(paidEvent(session(fields)));
      return parsed.kind === "paidSession" ? parsed.session.claimedTenantIds : parsed.kind;
    };
    expect(claims({ metadata: { tenantId: "t_globex" }, client_reference_id: "t_acme" })).toEqual(["t_globex", "t_acme"]);
    expect(claims({ metadata: { tenantId: "t_acme" }, client_reference_id: "t_acme" })).toEqual(["t_acme"]);
    expect(claims({ metadata: { tenantId: 42 }, client_reference_id: "x".repeat(65) })).toEqual([]);
    expect(claims({ client_reference_id: "a b\n" })).toEqual([]);
  });

  it("keeps amounts a refusal must record: negative, fractional or missing", () => {
    for (const amount of [-2550, 2549.5, null]) {
      const parsed = parseStripeEvent(paidEvent(session({ amount_total: amount })));
      expect(parsed.kind === "paidSession" && parsed.session.amountTotal).toBe(amount);
    }
    const missing = parseStripeEvent(paidEvent(session({ amount_total: undefined, currency: undefined })));
    expect(missing.kind === "paidSession" && [missing.session.amountTotal, missing.session.currency]).toEqual([null, null]);
  });

  it("only records events it does not act on, whatever their data", () => {
    expect(parseStripeEvent({ id: "evt_2", type: "customer.created" })).toEqual({ kind: "other", id: "evt_2", type: "customer.created" });
  });

  it("calls malformed what has no usable envelope or session, and says what is wrong", () => {
    const malformed: unknown[] = [
      undefined, null, [], "text", { type: "checkout.session.completed" }, { id: 7, type: "checkout.session.completed" },
      { id: "evt_\u0000", type: "customer.created" },
      { id: "evt_1", type: "checkout.session.completed" },
      paidEvent(null), paidEvent({}), paidEvent(session({ id: undefined })), paidEvent(session({ id: 42 })),
      paidEvent(session({ object: "payment_intent" })), paidEvent(session({ amount_total: "2550" })),
      paidEvent(session({ metadata: [] })), paidEvent(session({ currency: "g\u0000p" })), paidEvent(session({ payment_status: undefined })),
    ];
    for (const payload of malformed) {
      const parsed = parseStripeEvent(payload);
      expect(parsed.kind, JSON.stringify(payload)).toBe("malformed");
      expect(parsed.kind === "malformed" && parsed.problem.length).toBeGreaterThan(0);
    }
    expect(parseStripeEvent(paidEvent(session({ id: 42 })))).toMatchObject({ id: "evt_1", type: "checkout.session.completed", problem: expect.stringContaining("data.object id") });
  });
});
