/**
 * Virtual Numbers Purchasing against the embedded PostgreSQL and a local Telnyx over HTTP:
 * stock purchases, supplier orders with every failure the issue names, the reconciler, and
 * cancellation. The supplier adapter is the real one; only the vendor is a stand-in.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { seal, secretHint } from "@/server/integrations/secret-box";
import { tenantDb } from "@/server/tenancy";
import { runRecurringCharges } from "@/server/modules/billing/system/recurring-charges";
import { balanceOf, creditTenant } from "@/tests/fixtures/seed-billing";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { startTelnyxLocal, type TelnyxLocal } from "@/tests/fixtures/telnyx-local";
import { buyNumber } from "./buy";
import { reconcileNumberOrders } from "./reconcile";

process.env.DID_SUPPLIER_TIMEOUT_MS = "400";

const SUPPLIER_NUMBER = "+442079460777";
const OTHER_SUPPLIER_NUMBER = "+441614960123";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let vendor: TelnyxLocal;
let partnerId: string;
let tenantId: string;
let adminId: string;
let admin: Caller;

async function seedCustomer() {
  const { tenant, admin } = await seedTenant({ partnerId, extensionUsers: 0 });
  await creditTenant(tenant.id, "100");
  return { tenantId: tenant.id, adminId: admin.id, caller: await callerFor(admin.id) };
}

beforeEach(async () => {
  // The database is this file's alone; numbers are global, so each test starts without any.
  await db.recurringCharge.deleteMany({ where: { numberPurchaseId: { not: null } } });
  await db.numberPurchase.deleteMany();
  await db.did.deleteMany();
  vendor = await startTelnyxLocal({ stock: { [SUPPLIER_NUMBER]: "London", [OTHER_SUPPLIER_NUMBER]: "Manchester" } });
  ({ partner: { id: partnerId } } = await seedPartner());
  await db.didSupplier.create({ data: { partnerId, kind: "TELNYX", name: "Telnyx", baseUrl: vendor.baseUrl, apiKeySealed: seal(vendor.apiKey), apiKeyHint: secretHint(vendor.apiKey) } });
  await db.didPrice.create({ data: { partnerId, countryIso: "GB", setupPrice: "5", monthlyPrice: "2", currency: "GBP" } });
  await db.didTier.create({ data: { partnerId, name: "Gold", rank: 3, rules: [{ kind: "repeated", length: 3 }, { kind: "roundEnding", zeros: 4 }], setupPremium: "50", monthlyPremium: "5" } });
  await db.didTier.create({ data: { partnerId, name: "Silver", rank: 2, rules: [{ kind: "sequence", length: 4 }], setupPremium: "20", monthlyPremium: "2" } });
  ({ tenantId, adminId, caller: admin } = await seedCustomer());
});
afterEach(() => vendor.close());

const scope = (id = tenantId) => ({ tenantId: id, db: tenantDb(id) });
const actor = () => ({ id: adminId, email: "admin@test.example" });
const buyInput = (number: string, setup: string, monthly: string) => ({ number, expectedSetupFee: setup, expectedMonthlyFee: monthly, idempotencyKey: randomUUID() });
const stock = (number: string, extra: Partial<Prisma.DidUncheckedCreateInput> = {}) =>
  db.did.create({ data: { partnerId, number, countryIso: "GB", area: "London", setupPrice: "1", monthlyPrice: "1.5", currency: "GBP", ...extra } });

describe("[NUMBERS] search and stock purchases", () => {
  it("offers stock and supplier numbers with their tier and price, and buys a gold stock number", async () => {
    await stock("+442079460000"); // round: gold
    await stock("+442079461234"); // sequence: silver
    const { offers, supplierNotice } = await admin.numberShop.search({ countryIso: "GB", area: "20" });
    expect(supplierNotice).toBeNull();
    expect(offers.map((o) => [o.number, o.source, o.tier, o.setupFee, o.monthlyFee])).toEqual([
      ["+442079460000", "STOCK", "Gold", "51", "6.5"],
      ["+442079461234", "STOCK", "Silver", "21", "3.5"],
      [SUPPLIER_NUMBER, "SUPPLIER", "Gold", "55", "7"],
    ]);

    const result = await admin.numberShop.buy(buyInput("+442079460000", "51", "6.5"));
    expect(result).toMatchObject({ status: "COMPLETED", number: "+442079460000" });
    expect(await db.did.findUniqueOrThrow({ where: { number: "+442079460000" } })).toMatchObject({ tenantId, state: "ASSIGNED" });
    expect(await balanceOf(tenantId)).toBe("42.5");
    expect(vendor.countOf("order")).toBe(0);
    // Bought numbers are nobody else's offer any more.
    expect((await admin.numberShop.search({ countryIso: "GB", digits: "0000" })).offers.map((o) => o.number)).not.toContain("+442079460000");
  });

  it("still offers the stock, and orders nothing, when the supplier's stored key cannot be opened", async () => {
    await stock("+442079460000");
    await db.didSupplier.updateMany({ where: { partnerId }, data: { apiKeySealed: "v1.garbage.tampered.value" } });
    const { offers, supplierNotice } = await admin.numberShop.search({ countryIso: "GB", area: "20" });
    expect(offers.map((o) => o.number)).toEqual(["+442079460000"]);
    expect(supplierNotice).toMatch(/could not be searched/);
    const error = await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_GATEWAY", message: expect.stringContaining("needs attention") });
    expect(await db.numberPurchase.findFirstOrThrow({ where: { tenantId, number: SUPPLIER_NUMBER } })).toMatchObject({ status: "FAILED", needsSupplierCheck: false });
    expect(vendor.countOf("order")).toBe(0);
    expect(await balanceOf(tenantId)).toBe("100");
  });

  it("gives one owner and one charge when two customers buy one number at once", async () => {
    await stock("+442079460000");
    const rival = await seedCustomer();
    const results = await Promise.allSettled([
      admin.numberShop.buy(buyInput("+442079460000", "51", "6.5")),
      rival.caller.numberShop.buy(buyInput("+442079460000", "51", "6.5")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("just bought") });
    const did = await db.did.findUniqueOrThrow({ where: { number: "+442079460000" } });
    expect([tenantId, rival.tenantId]).toContain(did.tenantId);
    expect(await db.ledgerEntry.count({ where: { kind: "PURCHASE", tenantId: { in: [tenantId, rival.tenantId] } } })).toBe(1);
    expect(await db.numberPurchase.count({ where: { number: "+442079460000" } })).toBe(1);
  });

  it("is one purchase for a retried request, and refuses a changed price or a short balance with nothing written", async () => {
    await stock("+442079460000");
    const input = buyInput("+442079460000", "51", "6.5");
    const [first, second] = await Promise.all([admin.numberShop.buy(input), admin.numberShop.buy(input)]);
    expect(second.purchaseId).toBe(first.purchaseId);
    expect(await db.ledgerEntry.count({ where: { tenantId, kind: "PURCHASE" } })).toBe(1);

    await stock("+442079469999", { setupPrice: "200" });
    await expectTrpcError(admin.numberShop.buy(buyInput("+442079469999", "1", "6.5")), "CONFLICT");
    await expectTrpcError(admin.numberShop.buy(buyInput("+442079469999", "250", "6.5")), "PAYMENT_REQUIRED");
    expect(await db.did.findUniqueOrThrow({ where: { number: "+442079469999" } })).toMatchObject({ state: "AVAILABLE", tenantId: null });
    expect(await db.numberPurchase.count({ where: { tenantId } })).toBe(1);
  });
});

describe("[NUMBERS] supplier orders", () => {
  it("orders a number that is not in stock exactly once, and activates it", async () => {
    const result = await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7"));
    expect(result).toMatchObject({ status: "COMPLETED", number: SUPPLIER_NUMBER });
    expect(vendor.countOf("order")).toBe(1);
    expect(vendor.orders[0]!.customer_reference).toMatch(/^centrex-/);
    expect(await db.did.findUniqueOrThrow({ where: { number: SUPPLIER_NUMBER } })).toMatchObject({ tenantId, state: "ASSIGNED", source: "SUPPLIER" });
    expect(await balanceOf(tenantId)).toBe("38");
    // The reconciler finds nothing to do and orders nothing.
    await reconcileNumberOrders(new Date(Date.now() + 3_600_000));
    expect(vendor.countOf("order")).toBe(1);
    expect(await db.ledgerEntry.count({ where: { tenantId, kind: "PURCHASE" } })).toBe(1);
  });

  it("leaves nothing charged and says so when the vendor times out, and releases an order placed after all", async () => {
    vendor.failNext("order", "acceptThenHang");
    const error = await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_GATEWAY", message: expect.stringContaining("did not answer in time. You have not been charged") });
    expect(await balanceOf(tenantId)).toBe("100");
    expect(await db.did.findUnique({ where: { number: SUPPLIER_NUMBER } })).toMatchObject({ state: "RETIRED", tenantId: null });
    expect(await db.numberPurchase.findFirstOrThrow({ where: { tenantId } })).toMatchObject({ status: "FAILED", needsSupplierCheck: true });
    // The vendor did place it: the reconciler finds it by our reference and gives it back.
    const summary = await reconcileNumberOrders();
    expect(summary.released).toBe(1);
    expect(vendor.deleted).toEqual([SUPPLIER_NUMBER]);
    expect(vendor.countOf("order")).toBe(1);
    expect(await db.numberPurchase.findFirstOrThrow({ where: { tenantId } })).toMatchObject({ needsSupplierCheck: false });
  });

  it("ends a declined order, a 5xx and a garbage answer with a clear message, no charge and no half-assigned number", async () => {
    for (const failure of ["decline", "5xx", "garbage"] as const) {
      vendor.failNext("order", failure);
      const error = await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7")).catch((e: unknown) => e);
      expect(error, failure).toMatchObject({ code: "BAD_GATEWAY", message: expect.stringContaining("You have not been charged") });
      expect(await db.did.findUnique({ where: { number: SUPPLIER_NUMBER } }), failure).toMatchObject({ state: "RETIRED", tenantId: null });
    }
    expect(await balanceOf(tenantId)).toBe("100");
    expect(await db.numberPurchase.count({ where: { tenantId, status: "FAILED" } })).toBe(3);
    // After failures the number can still be bought (the vendor still has it).
    expect(await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7"))).toMatchObject({ status: "COMPLETED" });
  });

  it("completes by reconciliation an order the vendor filled when the local commit failed: one number, one charge, one order", async () => {
    const crash = () => Promise.reject(new Error("database went away"));
    const error = await buyNumber(scope(), actor(), buyInput(SUPPLIER_NUMBER, "55", "7"), { complete: crash }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UPSTREAM_FAILED", message: expect.stringContaining("will appear in your numbers") });
    expect(await db.numberPurchase.findFirstOrThrow({ where: { tenantId } })).toMatchObject({ status: "PENDING", supplierOrderId: null });
    expect(await balanceOf(tenantId)).toBe("100");

    // Not before the grace period (a live request may still be finishing it)…
    expect((await reconcileNumberOrders()).completed).toBe(0);
    // …then found by reference and completed, twice over without effect.
    const later = new Date(Date.now() + 5 * 60_000);
    expect((await reconcileNumberOrders(later)).completed).toBe(1);
    expect((await reconcileNumberOrders(later)).completed).toBe(0);
    expect(vendor.countOf("order")).toBe(1);
    expect(await db.did.findMany({ where: { number: SUPPLIER_NUMBER } })).toMatchObject([{ tenantId, state: "ASSIGNED" }]);
    expect(await db.ledgerEntry.count({ where: { tenantId, kind: "PURCHASE" } })).toBe(1);
    expect(await balanceOf(tenantId)).toBe("38");
  });

  it("completes an order the vendor holds as pending once it settles", async () => {
    vendor.holdOrders(true);
    expect(await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7"))).toMatchObject({ status: "PENDING" });
    const later = new Date(Date.now() + 5 * 60_000);
    expect((await reconcileNumberOrders(later)).completed).toBe(0);
    vendor.settle(vendor.orders[0]!.id, "success");
    expect((await reconcileNumberOrders(later)).completed).toBe(1);
    expect(await db.did.findUniqueOrThrow({ where: { number: SUPPLIER_NUMBER } })).toMatchObject({ tenantId, state: "ASSIGNED" });
  });
});

describe("[NUMBERS] cancelling", () => {
  it("releases a supplier number at the vendor and stops its monthly charge", async () => {
    const bought = await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7"));
    const result = await admin.numberShop.cancel({ didId: bought.didId! });
    expect(result).toMatchObject({ releasedAtSupplier: true });
    expect(vendor.deleted).toEqual([SUPPLIER_NUMBER]);
    expect(await db.did.findUniqueOrThrow({ where: { number: SUPPLIER_NUMBER } })).toMatchObject({ tenantId: null, state: "RETIRED", supplierReleasedAt: expect.any(Date) });
    const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 2));
    await runRecurringCharges(nextMonth);
    expect(await db.ledgerEntry.count({ where: { tenantId, kind: "RECURRING" } })).toBe(0);
  });

  it("retries a release the vendor failed, and quarantines a stock number before selling it again", async () => {
    const bought = await admin.numberShop.buy(buyInput(SUPPLIER_NUMBER, "55", "7"));
    vendor.failNext("listNumbers", "5xx");
    expect(await admin.numberShop.cancel({ didId: bought.didId! })).toMatchObject({ releasedAtSupplier: false });
    expect(vendor.deleted).toEqual([]);
    expect((await reconcileNumberOrders()).released).toBe(1);
    expect(vendor.deleted).toEqual([SUPPLIER_NUMBER]);

    const did = await stock("+442079460000");
    await creditTenant(tenantId, "100");
    await admin.numberShop.buy(buyInput("+442079460000", "51", "6.5"));
    await admin.numberShop.cancel({ didId: did.id });
    const rested = await db.did.findUniqueOrThrow({ where: { id: did.id } });
    expect(rested).toMatchObject({ state: "QUARANTINED", tenantId: null });
    expect(rested.quarantinedUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await reconcileNumberOrders(new Date(Date.now() + 31 * 86_400_000));
    expect(await db.did.findUniqueOrThrow({ where: { id: did.id } })).toMatchObject({ state: "AVAILABLE" });
  });

  it("charges an active number every month once, at its tier price", async () => {
    await stock("+442079460000");
    await admin.numberShop.buy(buyInput("+442079460000", "51", "6.5"));
    const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 2));
    await Promise.all([runRecurringCharges(nextMonth), runRecurringCharges(nextMonth)]);
    const charges = await db.ledgerEntry.findMany({ where: { tenantId, kind: "RECURRING" } });
    expect(charges.map((c) => c.amount.toString())).toEqual(["-6.5"]);
    expect(charges[0]!.description).toContain("(Gold)");
  });

  it("cannot cancel another company's number", async () => {
    const did = await stock("+442079460000");
    await admin.numberShop.buy(buyInput("+442079460000", "51", "6.5"));
    const rival = await seedCustomer();
    await expectTrpcError(rival.caller.numberShop.cancel({ didId: did.id }), "NOT_FOUND");
    expect(await db.did.findUniqueOrThrow({ where: { id: did.id } })).toMatchObject({ tenantId, state: "ASSIGNED" });
  });
});
