/** A tariff's rates: single edits from the rate form and whole-sheet CSV imports. */
import { db } from "../../db";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { PartnerScope } from "../admin/customers-service";
import { recordAudit } from "../audit/service";
import { parseTariffCsv, type CsvLineError, type TariffRateRow } from "./domain";
import type { TImportRatesInput, TUpsertRateInput } from "./schema";
import { notifyTariffCustomers, requireTariff } from "./service";

export type ImportRatesResult =
  | { ok: true; mode: TImportRatesInput["mode"]; created: number; updated: number; deleted: number }
  | { ok: false; errors: CsvLineError[] };

/** 50,000 rows in one transaction take seconds, not the interactive default of 5. */
const IMPORT_TX = { timeout: 120_000, maxWait: 10_000 };

const fields = (r: Omit<TariffRateRow, "prefix"> & { prefix: string }) => ({
  prefix: r.prefix, description: r.description, ratePerMinute: r.ratePerMinute, connectFee: r.connectFee,
  incrementSec: r.incrementSec, minimumSec: r.minimumSec,
});

export async function upsertRate({ partnerId, actor }: PartnerScope, input: TUpsertRateInput) {
  return db.$transaction(async (tx) => {
    const tariff = await requireTariff(tx, partnerId, input.tariffId);
    const data = fields(input);
    let rate;
    if (input.id) {
      const found = await tx.tariffRate.findFirst({ where: { id: input.id, tariffId: input.tariffId }, select: { id: true } });
      if (!found) throw new AppError("NOT_FOUND", "That rate does not exist.");
      rate = await tx.tariffRate.update({ where: { id: input.id }, data });
    } else {
      const clash = await tx.tariffRate.findFirst({ where: { tariffId: input.tariffId, prefix: data.prefix }, select: { id: true } });
      if (clash) throw new AppError("CONFLICT", `Prefix ${data.prefix} already has a rate.`, { fieldErrors: { prefix: "This prefix already has a rate; edit that one" } });
      rate = await tx.tariffRate.create({ data: { ...data, tariffId: input.tariffId } });
    }
    await notifyTariffCustomers(tx, partnerId, tariff);
    await recordAudit(tx, actor, {
      action: input.id ? "tariff.rate.update" : "tariff.rate.create", entityType: "TariffRate", entityId: rate.id, partnerId,
      details: { tariffId: input.tariffId, ...data },
    });
    return { ...rate, ratePerMinute: rate.ratePerMinute.toString(), connectFee: rate.connectFee.toString() };
  });
}

export async function deleteRate({ partnerId, actor }: PartnerScope, input: { tariffId: string; id: string }) {
  return db.$transaction(async (tx) => {
    const tariff = await requireTariff(tx, partnerId, input.tariffId);
    const rate = await tx.tariffRate.findFirst({ where: { id: input.id, tariffId: input.tariffId } });
    if (!rate) throw new AppError("NOT_FOUND", "That rate does not exist.");
    await tx.tariffRate.delete({ where: { id: rate.id } });
    await notifyTariffCustomers(tx, partnerId, tariff);
    await recordAudit(tx, actor, { action: "tariff.rate.delete", entityType: "TariffRate", entityId: rate.id, partnerId, details: { tariffId: input.tariffId, prefix: rate.prefix } });
    return { id: rate.id };
  });
}

/**
 * Imports a rate sheet all-or-nothing. Any line error returns `{ ok: false, errors }` and
 * writes nothing (the tariff is still checked first, so another partner's id is NOT_FOUND).
 * "replace" makes the sheet the whole tariff; "merge" adds new prefixes and overwrites the
 * ones present, leaving the rest.
 */
export async function importRates({ partnerId, actor }: PartnerScope, input: TImportRatesInput): Promise<ImportRatesResult> {
  await requireTariff(db, partnerId, input.tariffId);
  const parsed = parseTariffCsv(input.csv);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };

  return db.$transaction(async (tx) => {
    const tariff = await requireTariff(tx, partnerId, input.tariffId);
    let deleted = 0;
    let toUpdate: TariffRateRow[] = [];
    let toCreate = parsed.rows;
    if (input.mode === "replace") {
      deleted = (await tx.tariffRate.deleteMany({ where: { tariffId: input.tariffId } })).count;
    } else {
      const existing = new Set((await tx.tariffRate.findMany({ where: { tariffId: input.tariffId }, select: { prefix: true } })).map((r) => r.prefix));
      toUpdate = parsed.rows.filter((r) => existing.has(r.prefix));
      toCreate = parsed.rows.filter((r) => !existing.has(r.prefix));
    }
    if (toCreate.length > 0) await tx.tariffRate.createMany({ data: toCreate.map((r) => ({ ...fields(r), tariffId: input.tariffId })) });
    if (toUpdate.length > 0) await updateByPrefix(tx, input.tariffId, toUpdate);
    await notifyTariffCustomers(tx, partnerId, tariff);
    const result = { ok: true as const, mode: input.mode, created: toCreate.length, updated: toUpdate.length, deleted };
    await recordAudit(tx, actor, { action: "tariff.importRates", entityType: "Tariff", entityId: input.tariffId, partnerId, details: result });
    return result;
  }, IMPORT_TX);
}

/** One UPDATE for the whole sheet: per-row updates would make a 50,000-line merge take minutes. */
function updateByPrefix(tx: Prisma.TransactionClient, tariffId: string, rows: TariffRateRow[]) {
  return tx.$executeRaw`
    UPDATE "TariffRate" AS t
    SET "description" = u.description, "ratePerMinute" = u.rate::numeric, "connectFee" = u.fee::numeric,
        "incrementSec" = u.incr, "minimumSec" = u.min
    FROM unnest(${rows.map((r) => r.prefix)}::text[], ${rows.map((r) => r.description)}::text[],
                ${rows.map((r) => r.ratePerMinute)}::text[], ${rows.map((r) => r.connectFee)}::text[],
                ${rows.map((r) => r.incrementSec)}::int[], ${rows.map((r) => r.minimumSec)}::int[])
         AS u(prefix, description, rate, fee, incr, min)
    WHERE t."tariffId" = ${tariffId} AND t.prefix = u.prefix`;
}
