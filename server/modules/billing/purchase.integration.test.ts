import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { AppError } from "@/server/errors";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { balanceOf, billingRowCounts, creditTenant, seedAccountPlan, seedSipAccounts } from "@/tests/fixtures/seed-billing";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { sipAuthMd5 } from "./sip-credentials";

type World = { tenantId: string; partnerId: string; admin: Awaited<ReturnType<typeof callerFor>> };

async function world(): Promise<World> {
  const { partner } = await seedPartner();
  const { tenant, admin } = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
  await seedAccountPlan(partner.id);
  return { tenantId: tenant.id, partnerId: partner.id, admin: await callerFor(admin.id) };
}

describe("[BILLING] buy accounts", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("charges exactly the quote: owning 4 and buying 2 costs 2 × £4.99", async () => {
    await seedSipAccounts(w.tenantId, 4);
    await creditTenant(w.tenantId, "20");
    const quote = await w.admin.billing.quote({ accountType: "CENTREX_LINE", quantity: 2 });
    expect(quote).toMatchObject({ unitPrice: "4.99", total: "9.98", band: { label: "6–10" } });
    expect(quote.nextBand?.message).toBe("5 more and every new account costs £3.99.");

    const result = await w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 2, idempotencyKey: randomUUID() });
    expect(result.purchase).toMatchObject({ total: quote.total, unitPrice: quote.unitPrice, bandLabel: quote.band.label, quantity: 2 });
    expect(await balanceOf(w.tenantId)).toBe("10.02");
    const entries = await db.ledgerEntry.findMany({ where: { tenantId: w.tenantId, kind: "PURCHASE" } });
    expect(entries.map((e) => e.amount.toString())).toEqual(["-9.98"]);
    // The new accounts carry their price, are marked paid for this month, and keep no secret.
    const accounts = await db.sipAccount.findMany({ where: { purchaseId: result.purchase.id } });
    expect(accounts.map((a) => a.monthlyPrice?.toString())).toEqual(["4.99", "4.99"]);
    expect(accounts.every((a) => /^t[a-z0-9]{6}-[a-z0-9]{10}$/.test(a.username) && /^[0-9a-f]{32}$/.test(a.authMd5))).toBe(true);
    expect(result).not.toHaveProperty("secret");
    expect(await db.recurringCharge.count({ where: { sipAccountId: { in: accounts.map((a) => a.id) } } })).toBe(2);
  });

  it("two concurrent purchases with one idempotency key make one purchase and one charge", async () => {
    await creditTenant(w.tenantId, "100");
    const input = { accountType: "CENTREX_LINE" as const, quantity: 3, idempotencyKey: randomUUID() };
    const [a, b] = await Promise.all([w.admin.billing.purchase(input), w.admin.billing.purchase(input)]);
    expect(a).toEqual(b);
    const retried = await w.admin.billing.purchase(input);
    expect(retried).toEqual(a);
    expect(await billingRowCounts(w.tenantId)).toMatchObject({ purchases: 1, accounts: 3, entries: 2 });
    expect(await balanceOf(w.tenantId)).toBe("82.03"); // 100 - 3 × 5.99
  });

  it("different keys are different purchases, priced in turn under the tenant lock", async () => {
    await creditTenant(w.tenantId, "100");
    const buy = () => w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 3, idempotencyKey: randomUUID() });
    const results = await Promise.all([buy(), buy()]);
    // Whichever ran second owned 3 already, so it reached 6–10.
    expect(results.map((r) => r.purchase.unitPrice).sort()).toEqual(["4.99", "5.99"]);
    expect(await balanceOf(w.tenantId)).toBe("67.06");
  });

  it("refuses a short balance with 402 INSUFFICIENT_FUNDS, not a retryable 429, and writes nothing", async () => {
    await creditTenant(w.tenantId, "10");
    const before = await billingRowCounts(w.tenantId);
    const err = await w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 2, idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    await expectTrpcError(Promise.reject(err), "PAYMENT_REQUIRED");
    expect(getHTTPStatusCodeFromError(err as TRPCError)).toBe(402);
    expect(((err as TRPCError).cause as AppError).code).toBe("INSUFFICIENT_FUNDS");
    expect((err as Error).message).toBe("Your balance is short by £1.98; top up first.");
    expect(await billingRowCounts(w.tenantId)).toEqual(before);
  });

  it("refuses a reused key for a different order", async () => {
    await creditTenant(w.tenantId, "100");
    const key = randomUUID();
    await w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 1, idempotencyKey: key });
    await expectTrpcError(w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 2, idempotencyKey: key }), "CONFLICT");
  });

  it("re-prices existing billed accounts when the partner's policy says so, and says so in the quote", async () => {
    await db.partner.update({ where: { id: w.partnerId }, data: { repriceExistingOnBandChange: true } });
    await seedSipAccounts(w.tenantId, 4);
    await seedSipAccounts(w.tenantId, 1, { monthlyPrice: null }); // not billed: stays unbilled
    await creditTenant(w.tenantId, "100");
    const quote = await w.admin.billing.quote({ accountType: "CENTREX_LINE", quantity: 1 });
    expect(quote.repricing?.message).toBe("Your 5 existing accounts of this type move to £4.99 a month from the next charge.");
    await w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 1, idempotencyKey: randomUUID() });
    const prices = (await db.sipAccount.findMany({ where: { tenantId: w.tenantId } })).map((a) => a.monthlyPrice?.toString() ?? null).sort();
    expect(prices).toEqual(["4.99", "4.99", "4.99", "4.99", "4.99", null]);
  });

  it("keeps existing prices when the policy is off", async () => {
    await seedSipAccounts(w.tenantId, 5);
    await creditTenant(w.tenantId, "100");
    expect((await w.admin.billing.quote({ accountType: "CENTREX_LINE", quantity: 1 })).repricing).toBeNull();
    await w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 1, idempotencyKey: randomUUID() });
    const prices = (await db.sipAccount.findMany({ where: { tenantId: w.tenantId } })).map((a) => a.monthlyPrice?.toString()).sort();
    expect(prices).toEqual(["4.99", "5.99", "5.99", "5.99", "5.99", "5.99"]);
  });

  it("prices by the customer's own plan over the partner default, setup fee included", async () => {
    await seedAccountPlan(w.partnerId, { tenantId: w.tenantId, setupFee: "10", bands: [{ minQuantity: 1, maxQuantity: null, monthlyPrice: "1.5" }] });
    expect(await w.admin.billing.quote({ accountType: "CENTREX_LINE", quantity: 2 })).toMatchObject({ unitPrice: "1.5", total: "23" });
    await expectTrpcError(w.admin.billing.quote({ accountType: "FAX", quantity: 1 }), "NOT_FOUND");
  });

  it("shows balance, ledger, purchases and accounts", async () => {
    await creditTenant(w.tenantId, "50");
    await w.admin.billing.purchase({ accountType: "CENTREX_LINE", quantity: 1, idempotencyKey: randomUUID() });
    expect(await w.admin.billing.balance()).toEqual([{ currency: "GBP", amount: "44.01" }]);
    const ledger = await w.admin.billing.ledger({ page: 1 });
    expect(ledger.items.map((e) => e.kind)).toEqual(["PURCHASE", "CREDIT_MANUAL"]);
    expect((await w.admin.billing.purchases()).map((p) => p.total)).toEqual(["5.99"]);
    expect((await w.admin.billing.accounts()).map((a) => a.monthlyPrice)).toEqual(["5.99"]);
  });

  it("without Stripe keys, a top-up says to ask the provider", async () => {
    await expect(w.admin.billing.topUp({ amount: "20" })).rejects.toThrow("Card payments are not configured; ask your provider to credit your account.");
  });

  it("stores md5(username:realm:secret), the form PJSIP expects", () => {
    expect(sipAuthMd5("alice", "centrex", "secret")).toBe("6ffac270adbd69fe15271c0203a0b42f");
  });
});
