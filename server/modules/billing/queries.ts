/**
 * Raw SQL for billing. $queryRaw bypasses tenantDb's scoping, so every query here takes the
 * tenantId explicitly and filters by it; keep raw SQL in this file so a reviewer sees all of it.
 */
import { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import type { Band } from "./domain";
import { ACCOUNT_TYPE_LABELS, type TAccountType } from "./schema";

/** Anything that runs raw queries: the scoped client or its transaction. */
export type RawQueryDb = { $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T> };

export type LockedTenant = { id: string; partnerId: string; status: "ACTIVE" | "SUSPENDED" };

/**
 * Locks the tenant's row until the transaction ends. Purchases of one tenant then run one
 * after another: the balance they check and the account counts they price by cannot change
 * underneath them, and a retried idempotency key finds the first request's purchase.
 */
export async function lockTenant(tx: RawQueryDb, tenantId: string): Promise<LockedTenant> {
  const rows = await tx.$queryRaw<LockedTenant[]>`SELECT "id", "partnerId", "status"::text AS "status" FROM "Tenant" WHERE "id" = ${tenantId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That customer does not exist.");
  return row;
}

export type Pricing = {
  planId: string;
  planName: string;
  currency: string;
  setupFee: Prisma.Decimal;
  bands: Band[];
  repriceExisting: boolean;
};

type PlanRow = { id: string | null; name: string | null; currency: string | null; setupFee: string | null; reprice: boolean };
type BandRow = { minQuantity: number; maxQuantity: number | null; monthlyPrice: string };

/**
 * The plan that prices `accountType` for the tenant: its own plan if the partner gave it one,
 * else the partner's default for the type. NOT_FOUND when the partner has priced neither.
 */
export async function pricingFor(db: RawQueryDb, tenantId: string, accountType: TAccountType): Promise<Pricing> {
  const plans = await db.$queryRaw<PlanRow[]>`
    SELECT p."id", p."name", p."currency", p."setupFee"::text AS "setupFee", pa."repriceExistingOnBandChange" AS "reprice"
    FROM "Tenant" t
    JOIN "Partner" pa ON pa."id" = t."partnerId"
    LEFT JOIN LATERAL (
      SELECT ap.* FROM "AccountPlan" ap
      WHERE ap."partnerId" = t."partnerId" AND ap."accountType" = ${accountType}::"SipAccountType"
        AND (ap."tenantId" = t."id" OR (ap."tenantId" IS NULL AND ap."isDefault"))
      ORDER BY (ap."tenantId" IS NULL) ASC
      LIMIT 1
    ) p ON TRUE
    WHERE t."id" = ${tenantId}`;
  const plan = plans[0];
  if (!plan?.id || !plan.currency || !plan.setupFee) {
    throw new AppError("NOT_FOUND", `Your provider has not set prices for ${ACCOUNT_TYPE_LABELS[accountType].toLowerCase()}s yet.`);
  }
  const bands = await db.$queryRaw<BandRow[]>`
    SELECT "minQuantity", "maxQuantity", "monthlyPrice"::text AS "monthlyPrice"
    FROM "AccountPlanBand" WHERE "planId" = ${plan.id} ORDER BY "minQuantity"`;
  return {
    planId: plan.id,
    planName: plan.name ?? "",
    currency: plan.currency,
    setupFee: new Prisma.Decimal(plan.setupFee),
    bands: bands.map((b) => ({ minQuantity: b.minQuantity, maxQuantity: b.maxQuantity, monthlyPrice: new Prisma.Decimal(b.monthlyPrice) })),
    repriceExisting: plan.reprice,
  };
}

/** The partner's currency: what top-ups and manual credits are in. */
export async function partnerCurrencyFor(db: RawQueryDb, tenantId: string): Promise<string> {
  const rows = await db.$queryRaw<{ currency: string }[]>`
    SELECT pa."currency" FROM "Tenant" t JOIN "Partner" pa ON pa."id" = t."partnerId" WHERE t."id" = ${tenantId}`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "That customer does not exist.");
  return rows[0].currency;
}

// --- Calls and credit (issue 13) ----------------------------------------------------------------

export type CreditFactsRow = { isPrepaid: boolean; creditLimit: string; currency: string; timeZone: string };

/** The customer's credit settings and its partner's currency. */
export async function creditFactsFor(db: RawQueryDb, tenantId: string): Promise<CreditFactsRow> {
  const rows = await db.$queryRaw<CreditFactsRow[]>`
    SELECT t."isPrepaid", t."creditLimit"::text AS "creditLimit", pa."currency", t."timeZone"
    FROM "Tenant" t JOIN "Partner" pa ON pa."id" = t."partnerId" WHERE t."id" = ${tenantId}`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "That customer does not exist.");
  return rows[0];
}

export type HistoryRow = {
  id: string;
  kind: string;
  amount: string;
  currency: string;
  description: string | null;
  createdAt: Date;
  /** A day of calls ("YYYY-MM-DD" in the customer's zone); null for any other entry. */
  callDay: string | null;
  calls: number;
  total: number;
};

/**
 * One page of the billing history, newest first: every entry except calls as it is, and the
 * calls as one row per local day and currency (their sum, count and latest moment). The sum
 * of all rows is the balance, as the ledger's is.
 */
export async function billingHistoryPage(db: RawQueryDb, tenantId: string, page: number, pageSize: number): Promise<HistoryRow[]> {
  const offset = (page - 1) * pageSize;
  const rows = await db.$queryRaw<(Omit<HistoryRow, "calls" | "total"> & { calls: bigint; total: bigint })[]>`
    WITH zone AS (SELECT "timeZone" FROM "Tenant" WHERE "id" = ${tenantId}),
    calls AS (
      SELECT e."amount", e."currency", e."createdAt", (e."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE zone."timeZone")::date AS "day"
      FROM "LedgerEntry" e, zone WHERE e."tenantId" = ${tenantId} AND e."kind" = 'CALL'
    ),
    history AS (
      SELECT e."id", e."kind"::text AS "kind", e."amount", e."currency", e."description", e."createdAt", NULL::text AS "callDay", 1::bigint AS "calls"
      FROM "LedgerEntry" e WHERE e."tenantId" = ${tenantId} AND e."kind" <> 'CALL'
      UNION ALL
      SELECT 'calls:' || "day"::text || ':' || "currency", 'CALL', SUM("amount"), "currency", NULL, MAX("createdAt"), "day"::text, COUNT(*)
      FROM calls GROUP BY "day", "currency"
    )
    SELECT "id", "kind", "amount"::text AS "amount", "currency", "description", "createdAt", "callDay", "calls", COUNT(*) OVER () AS "total"
    FROM history ORDER BY "createdAt" DESC, "id" DESC LIMIT ${pageSize} OFFSET ${offset}`;
  return rows.map((r) => ({ ...r, calls: Number(r.calls), total: Number(r.total) }));
}

export type CallEntryRow = { id: string; amount: string; currency: string; description: string; reference: string | null; createdAt: Date };

/** The call debits of one local day in one currency, newest first: a range on (tenantId, currency, createdAt). */
export async function callEntriesOfDay(db: RawQueryDb, tenantId: string, day: string, currency: string, limit: number): Promise<{ rows: CallEntryRow[]; total: number }> {
  const rows = await db.$queryRaw<(CallEntryRow & { total: bigint })[]>`
    WITH zone AS (SELECT "timeZone" FROM "Tenant" WHERE "id" = ${tenantId}),
    bounds AS (
      SELECT (${day}::date::timestamp AT TIME ZONE zone."timeZone" AT TIME ZONE 'UTC') AS "from",
             ((${day}::date + 1)::timestamp AT TIME ZONE zone."timeZone" AT TIME ZONE 'UTC') AS "to"
      FROM zone
    )
    SELECT e."id", e."amount"::text AS "amount", e."currency", e."description", e."reference", e."createdAt", COUNT(*) OVER () AS "total"
    FROM "LedgerEntry" e, bounds
    WHERE e."tenantId" = ${tenantId} AND e."kind" = 'CALL' AND e."currency" = ${currency}
      AND e."createdAt" >= bounds."from" AND e."createdAt" < bounds."to"
    ORDER BY e."createdAt" DESC, e."id" DESC LIMIT ${limit}`;
  return { rows: rows.map(({ total: _total, ...r }) => r), total: Number(rows[0]?.total ?? 0) };
}
