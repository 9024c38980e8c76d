/**
 * Reading a customer's money: balance, ledger, purchases and accounts. Everything goes through
 * the tenant scope, so the partner back office calls these same functions with
 * tenantDb(customerId) after checking the customer is theirs.
 */
import { Prisma } from "../../generated/prisma/client";
import type { TenantDb, TenantScope } from "../../tenancy";
import { partnerCurrencyFor } from "./queries";
import { LEDGER_PAGE_SIZE } from "./schema";

type Decimal = Prisma.Decimal;
/** Anything with the scoped ledger: the tenant client or its transaction. */
type LedgerReader = Pick<TenantDb, "ledgerEntry">;

/** Balance in one currency as an exact Decimal (sum of entries; zero when none). */
export async function balanceIn(db: LedgerReader, currency: string): Promise<Decimal> {
  const sum = await db.ledgerEntry.aggregate({ where: { currency }, _sum: { amount: true } });
  return sum._sum.amount ?? new Prisma.Decimal(0);
}

/**
 * The balance per currency, the partner's currency first and always present (a new customer
 * sees "£0.00", not nothing). Amounts are strings: exact, and superjson needs no Decimal support.
 */
export async function getBalance({ tenantId, db }: TenantScope) {
  const [home, sums] = await Promise.all([
    partnerCurrencyFor(db, tenantId),
    db.ledgerEntry.groupBy({ by: ["currency"], _sum: { amount: true }, orderBy: { currency: "asc" } }),
  ]);
  const rows = sums.map((s) => ({ currency: s.currency, amount: (s._sum.amount ?? new Prisma.Decimal(0)).toString() }));
  const others = rows.filter((r) => r.currency !== home);
  return [rows.find((r) => r.currency === home) ?? { currency: home, amount: "0" }, ...others];
}

/** One page of entries, newest first. */
export async function findLedgerEntries({ db }: Pick<TenantScope, "db">, page: number) {
  const [entries, total] = await Promise.all([
    db.ledgerEntry.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * LEDGER_PAGE_SIZE,
      take: LEDGER_PAGE_SIZE,
      select: { id: true, kind: true, amount: true, currency: true, description: true, reference: true, createdAt: true },
    }),
    db.ledgerEntry.count(),
  ]);
  return {
    items: entries.map((e) => ({ ...e, amount: e.amount.toString() })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE)),
  };
}

export async function findPurchases({ db }: Pick<TenantScope, "db">) {
  const rows = await db.purchase.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map(serializePurchase);
}

/** The customer's SIP accounts with their price and whether an extension uses them. */
export async function findAccounts({ db }: Pick<TenantScope, "db">) {
  const rows = await db.sipAccount.findMany({
    orderBy: [{ type: "asc" }, { createdAt: "asc" }],
    select: { id: true, type: true, username: true, monthlyPrice: true, priceCurrency: true, purchaseId: true, createdAt: true, extension: { select: { id: true, number: true, displayName: true } } },
  });
  return rows.map((a) => ({ ...a, monthlyPrice: a.monthlyPrice?.toString() ?? null }));
}

type PurchaseRow = { id: string; accountType: string; quantity: number; unitPrice: Decimal; setupFee: Decimal; total: Decimal; currency: string; bandLabel: string; status: string; createdAt: Date };

export function serializePurchase(p: PurchaseRow) {
  return {
    id: p.id, accountType: p.accountType, quantity: p.quantity, currency: p.currency, bandLabel: p.bandLabel, status: p.status, createdAt: p.createdAt,
    unitPrice: p.unitPrice.toString(), setupFee: p.setupFee.toString(), total: p.total.toString(),
  };
}
