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
