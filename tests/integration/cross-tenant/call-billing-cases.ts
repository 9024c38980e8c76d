/** Cross-tenant cases of the call charges and credit limits procedures (issue 13); spread into cross-tenant.integration.test.ts. */
import { expect } from "vitest";
import { db } from "@/server/db";
import type { Case } from "./case-types";

/** A call debit of Globex on a given day, as the CDR writer leaves it. */
const globexCall = (tenantId: string, at: string, amount: string) =>
  db.ledgerEntry.create({ data: { tenantId, kind: "CALL", amount, currency: "GBP", description: "Globex call", reference: null, idempotencyKey: `call:globex-${at}-${amount}`, createdAt: new Date(at) } });

export const CALL_BILLING_CASES: Record<string, Case> = {
  "billing.credit": async (acme, { acme: acmeWorld, globex }) => {
    // Globex rich and postpaid with a big limit; Acme sees only its own facts.
    await db.tenant.update({ where: { id: globex.tenant.id }, data: { isPrepaid: false, creditLimit: "999" } });
    await globexCall(globex.tenant.id, "2026-12-01T10:00:00Z", "-7.00");
    const own = await db.tenant.findUniqueOrThrow({ where: { id: acmeWorld.tenant.id }, select: { creditLimit: true, isPrepaid: true } });
    const credit = await acme.billing.credit();
    expect(credit.creditLimit).toBe(own.creditLimit.toString());
    expect(credit.isPrepaid).toBe(own.isPrepaid);
    const sum = await db.ledgerEntry.aggregate({ where: { tenantId: acmeWorld.tenant.id, currency: "GBP" }, _sum: { amount: true } });
    expect(credit.balance).toBe((sum._sum.amount ?? 0).toString());
  },
  "billing.history": async (acme, { globex }) => {
    await globexCall(globex.tenant.id, "2026-11-20T10:00:00Z", "-3.00");
    const rows = (await acme.billing.history({ page: 1 })).items;
    expect(rows.some((r) => r.callDay?.day === "2026-11-20")).toBe(false);
    expect(rows.map((r) => r.description)).not.toContain("Globex call");
  },
  "billing.callsOfDay": async (acme, { globex }) => {
    await globexCall(globex.tenant.id, "2026-11-21T10:00:00Z", "-2.00");
    expect(await acme.billing.callsOfDay({ day: "2026-11-21", currency: "GBP" })).toEqual({ items: [], total: 0 });
  },
};
