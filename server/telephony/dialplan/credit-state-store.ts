/**
 * Whether a company is out of credit (issue 13), for RoutingState.isOutOfCredit: prepaid and
 * balance + credit limit <= 0, in the partner's currency.
 *
 * Cheap per call without a running total that could drift from the ledger. Ledger entries are
 * only ever inserted, so a balance splits into a settled part (entries older than
 * `settleMs`, summed once when the company is loaded) and a recent tail (summed per call,
 * over the last minutes only, through LedgerEntry_credit_tail_idx: an index-only range
 * scan). A transaction cannot commit an entry stamped `settleMs` in the past (they last
 * seconds), so the two parts never miss or double-count one. Postpaid companies read nothing
 * per call. The loaded part is dropped on `dialplan_changed` (the credit-limit control sends
 * it), on LISTEN reconnects and after `maxAgeMs`.
 */
import type { Db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { isCreditUsedUp } from "@/server/modules/billing/credit-rule";
import { LookupCache, type LookupCacheOptions } from "./lookup-cache";

/** Far longer than any transaction that writes ledger entries. */
const SETTLE_MS = 10 * 60_000;

interface CreditFacts {
  tenantId: string;
  isPrepaid: boolean;
  creditLimit: Prisma.Decimal;
  currency: string;
  settledSum: Prisma.Decimal;
  /** Entries at or after this moment are the recent tail. */
  cutoff: Date;
}


async function sumSince(db: Db, tenantId: string, currency: string, range: { gte?: Date; lt?: Date }): Promise<Prisma.Decimal> {
  const sum = await db.ledgerEntry.aggregate({ where: { tenantId, currency, createdAt: range }, _sum: { amount: true } });
  return sum._sum.amount ?? new Prisma.Decimal(0);
}

async function loadFacts(db: Db, tenantId: string, now: Date, settleMs: number): Promise<CreditFacts> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { isPrepaid: true, creditLimit: true, partner: { select: { currency: true } } } });
  const cutoff = new Date(now.getTime() - settleMs);
  const currency = tenant.partner.currency;
  const settledSum = tenant.isPrepaid ? await sumSince(db, tenantId, currency, { lt: cutoff }) : new Prisma.Decimal(0);
  return { tenantId, isPrepaid: tenant.isPrepaid, creditLimit: tenant.creditLimit, currency, settledSum, cutoff };
}

export function createCreditStateCache(db: Db, options: LookupCacheOptions & { settleMs?: number; clock?: () => Date }) {
  const clock = options.clock ?? (() => new Date());
  const settleMs = options.settleMs ?? SETTLE_MS;
  const facts = new LookupCache<CreditFacts>((tenantId) => loadFacts(db, tenantId, clock(), settleMs), (f) => [f.tenantId], options);
  return {
    async isOutOfCredit(tenantId: string): Promise<boolean> {
      const known = await facts.get(tenantId);
      if (!known.isPrepaid) return false;
      const tail = await sumSince(db, tenantId, known.currency, { gte: known.cutoff });
      return isCreditUsedUp({ isPrepaid: true, balance: known.settledSum.plus(tail), creditLimit: known.creditLimit });
    },
    forget: (tenantId: string) => facts.forget(tenantId),
    clear: () => facts.clear(),
    /** Loads of the settled part run so far (tests prove the per-call path reuses it). */
    get loads() {
      return facts.loads;
    },
  };
}
