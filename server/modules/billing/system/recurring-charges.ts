/**
 * The monthly recurring-charge job. PostgreSQL is the queue: any number of processes may run
 * it at once, or twice in a row, and each account is charged once per period because
 *  - due accounts are claimed with FOR UPDATE SKIP LOCKED (runners take different rows), and
 *  - the claim is an insert into RecurringCharge, unique (sipAccountId, period), with
 *    ON CONFLICT DO NOTHING: only the runner whose insert lands writes the ledger entry,
 *    in the same transaction, so a crash leaves neither.
 */
import { randomUUID } from "node:crypto";
import { db } from "../../../db";
import { Prisma } from "../../../generated/prisma/client";
import { billingPeriod, formatMoney } from "../money";
import { ACCOUNT_TYPE_LABELS, type TAccountType } from "../schema";

const BATCH_SIZE = 200;

type DueAccount = { id: string; tenantId: string; username: string; type: TAccountType; monthlyPrice: string; priceCurrency: string };

export type RecurringRunResult = { period: string; charged: number };

/**
 * Charges every priced SIP account that has no charge for `now`'s UTC month yet (accounts
 * bought this month were paid by their purchase). Returns how many this run charged.
 * Balances may go below zero: service is not cut off here (that is the partner's decision).
 */
export async function runRecurringCharges(now: Date = new Date(), batchSize = BATCH_SIZE): Promise<RecurringRunResult> {
  const period = billingPeriod(now);
  let charged = 0;
  // Accounts, then numbers: the same claim-by-insert rule for both (numbers since issue 10).
  for (const runBatch of [chargeBatch, chargeNumberBatch]) {
    for (;;) {
      const batch = await runBatch(period, now, batchSize);
      charged += batch.charged;
      if (batch.seen === 0) break;
    }
  }
  return { period, charged };
}

async function chargeBatch(period: string, now: Date, batchSize: number) {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueAccount[]>`
      SELECT s."id", s."tenantId", s."username", s."type"::text AS "type", s."monthlyPrice"::text AS "monthlyPrice", s."priceCurrency"
      FROM "SipAccount" s
      WHERE s."monthlyPrice" IS NOT NULL AND s."priceCurrency" IS NOT NULL AND s."createdAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "RecurringCharge" r WHERE r."sipAccountId" = s."id" AND r."period" = ${period})
      ORDER BY s."id"
      LIMIT ${batchSize}
      FOR UPDATE OF s SKIP LOCKED`;
    if (due.length === 0) return { seen: 0, charged: 0 };
    const planned = due.map((account) => ({ account, ledgerEntryId: randomUUID() }));
    const claimed = await tx.recurringCharge.createManyAndReturn({
      data: planned.map(({ account, ledgerEntryId }) => ({
        tenantId: account.tenantId, sipAccountId: account.id, period, amount: account.monthlyPrice, currency: account.priceCurrency, ledgerEntryId,
      })),
      skipDuplicates: true,
      select: { sipAccountId: true },
    });
    const won = new Set(claimed.map((c) => c.sipAccountId));
    const entries = planned.filter((p) => won.has(p.account.id));
    await tx.ledgerEntry.createMany({
      data: entries.map(({ account, ledgerEntryId }) => ({
        id: ledgerEntryId, tenantId: account.tenantId, kind: "RECURRING" as const, currency: account.priceCurrency,
        amount: new Prisma.Decimal(account.monthlyPrice).negated(), reference: account.id,
        description: `${ACCOUNT_TYPE_LABELS[account.type]} ${account.username}, ${period}: ${formatMoney(new Prisma.Decimal(account.monthlyPrice), account.priceCurrency)}`,
        idempotencyKey: `recurring:${account.id}:${period}`,
      })),
    });
    return { seen: due.length, charged: entries.length };
  });
}

type DueNumber = { id: string; tenantId: string; number: string; tierName: string | null; monthlyFee: string; currency: string };

/** Numbers bought and not cancelled: each active purchase is a subscription charged monthly. */
async function chargeNumberBatch(period: string, now: Date, batchSize: number) {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueNumber[]>`
      SELECT p."id", p."tenantId", p."number", p."tierName", p."monthlyFee"::text AS "monthlyFee", p."currency"
      FROM "NumberPurchase" p
      WHERE p."status" = 'COMPLETED' AND p."completedAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "RecurringCharge" r WHERE r."numberPurchaseId" = p."id" AND r."period" = ${period})
      ORDER BY p."id"
      LIMIT ${batchSize}
      FOR UPDATE OF p SKIP LOCKED`;
    if (due.length === 0) return { seen: 0, charged: 0 };
    // A free number still gets its month claimed, with no ledger entry to point at.
    const planned = due.map((purchase) => ({ purchase, ledgerEntryId: new Prisma.Decimal(purchase.monthlyFee).isZero() ? null : randomUUID() }));
    const claimed = await tx.recurringCharge.createManyAndReturn({
      data: planned.map(({ purchase, ledgerEntryId }) => ({
        tenantId: purchase.tenantId, numberPurchaseId: purchase.id, period, amount: purchase.monthlyFee, currency: purchase.currency, ledgerEntryId,
      })),
      skipDuplicates: true,
      select: { numberPurchaseId: true },
    });
    const won = new Set(claimed.map((c) => c.numberPurchaseId));
    const entries = planned.flatMap((p) => (won.has(p.purchase.id) && p.ledgerEntryId ? [{ ...p, ledgerEntryId: p.ledgerEntryId }] : []));
    await tx.ledgerEntry.createMany({
      data: entries.map(({ purchase, ledgerEntryId }) => ({
        id: ledgerEntryId, tenantId: purchase.tenantId, kind: "RECURRING" as const, currency: purchase.currency,
        amount: new Prisma.Decimal(purchase.monthlyFee).negated(), reference: purchase.id,
        description: `Number ${purchase.number}${purchase.tierName ? ` (${purchase.tierName})` : ""}, ${period}: ${formatMoney(new Prisma.Decimal(purchase.monthlyFee), purchase.currency)}`,
        idempotencyKey: `recurring:number:${purchase.id}:${period}`,
      })),
    });
    return { seen: due.length, charged: entries.length };
  });
}
