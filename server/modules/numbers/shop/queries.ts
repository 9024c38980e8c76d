/**
 * Raw SQL for the partner's number stock. Stock numbers belong to no tenant yet, so the tenant
 * scope cannot reach them: every query here takes the partner id explicitly and filters by it.
 * Keep such SQL in this file so a reviewer sees all of it.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "../../../generated/prisma/client";
import type { RawQueryDb } from "../../billing/queries";

export type ExecDb = RawQueryDb & { $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<number> };

export type StockRow = {
  id: string;
  number: string;
  area: string | null;
  numberType: string | null;
  countryIso: string;
  setupPrice: Prisma.Decimal;
  monthlyPrice: Prisma.Decimal;
  currency: string;
  state: string;
  source: "INVENTORY" | "SUPPLIER";
  supplierReleasedAt: Date | null;
};

const STOCK_COLUMNS = Prisma.sql`"id", "number", "area", "numberType", "countryIso", "setupPrice", "monthlyPrice", "currency", "state"::text AS "state", "source"::text AS "source", "supplierReleasedAt"`;

/** Available stock of the partner in a country, optionally by area text or national prefix and contained digits. */
export function findStock(db: RawQueryDb, partnerId: string, filter: { countryIso: string; areaText?: string; numberPrefix?: string; digits?: string; limit: number }) {
  const conditions = [Prisma.sql`"partnerId" = ${partnerId}`, Prisma.sql`"state" = 'AVAILABLE'`, Prisma.sql`"countryIso" = ${filter.countryIso}`];
  if (filter.areaText) conditions.push(Prisma.sql`"area" ILIKE ${`%${escapeLike(filter.areaText)}%`}`);
  // "+4420…": the prefix is "+" and digits only (checked by the caller), so LIKE needs no escaping.
  if (filter.numberPrefix) conditions.push(Prisma.sql`"number" LIKE ${`${filter.numberPrefix}%`}`);
  if (filter.digits) conditions.push(Prisma.sql`position(${filter.digits} in "number") > 0`);
  return db.$queryRaw<StockRow[]>`SELECT ${STOCK_COLUMNS} FROM "Did" WHERE ${Prisma.join(conditions, " AND ")} ORDER BY "number" LIMIT ${filter.limit}`;
}

/** Locks the partner's row for `number` until the transaction ends; null when the partner has none. */
export async function lockPartnerNumber(db: RawQueryDb, partnerId: string, number: string): Promise<StockRow | null> {
  const rows = await db.$queryRaw<StockRow[]>`SELECT ${STOCK_COLUMNS} FROM "Did" WHERE "partnerId" = ${partnerId} AND "number" = ${number} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Which of these numbers are already known to the database (anyone's, in any state). */
export async function knownNumbers(db: RawQueryDb, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db.$queryRaw<{ number: string }[]>`SELECT "number" FROM "Did" WHERE "number" IN (${Prisma.join(numbers)})`;
  return new Set(rows.map((r) => r.number));
}

/** Hands a locked AVAILABLE or RESERVED number to the tenant. Returns 1 when it did. */
export function assignNumber(db: ExecDb, didId: string, partnerId: string, tenantId: string, extra: { supplierNumberId?: string | null } = {}) {
  return db.$executeRaw`
    UPDATE "Did" SET "tenantId" = ${tenantId}, "state" = 'ASSIGNED', "quarantinedUntil" = NULL, "updatedAt" = now(),
      "supplierNumberId" = COALESCE(${extra.supplierNumberId ?? null}, "supplierNumberId")
    WHERE "id" = ${didId} AND "partnerId" = ${partnerId} AND "state" IN ('AVAILABLE', 'RESERVED')`;
}

/**
 * Reserves a supplier number for an order about to be placed: a new row, or a number we
 * released at the supplier before brought back. Returns its id, or null when the number is
 * anyone's in any other way (taken). The unique number makes concurrent reservations queue.
 */
export async function reserveSupplierNumber(
  db: RawQueryDb,
  row: { partnerId: string; supplierId: string; number: string; country: string; kind: string | null; base: { setupPrice: Prisma.Decimal; monthlyPrice: Prisma.Decimal; currency: string } },
): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Did" ("id", "partnerId", "number", "countryIso", "numberType", "setupPrice", "monthlyPrice", "currency", "state", "source", "supplierId", "updatedAt")
    VALUES (${randomUUID()}, ${row.partnerId}, ${row.number}, ${row.country}, ${row.kind}, ${row.base.setupPrice}, ${row.base.monthlyPrice}, ${row.base.currency}, 'RESERVED', 'SUPPLIER', ${row.supplierId}, now())
    ON CONFLICT ("number") DO UPDATE SET "state" = 'RESERVED', "supplierId" = EXCLUDED."supplierId", "supplierReleasedAt" = NULL, "supplierNumberId" = NULL,
      "setupPrice" = EXCLUDED."setupPrice", "monthlyPrice" = EXCLUDED."monthlyPrice", "currency" = EXCLUDED."currency", "updatedAt" = now()
    WHERE "Did"."partnerId" = EXCLUDED."partnerId" AND "Did"."source" = 'SUPPLIER' AND "Did"."state" = 'RETIRED' AND "Did"."supplierReleasedAt" IS NOT NULL
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/** An order that came to nothing gives its reservation back: the row goes (or returns to released). */
export function dropReservation(db: ExecDb, didId: string) {
  return db.$executeRaw`
    UPDATE "Did" SET "state" = 'RETIRED', "supplierReleasedAt" = now(), "updatedAt" = now()
    WHERE "id" = ${didId} AND "state" = 'RESERVED'`;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
