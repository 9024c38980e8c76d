/**
 * The stock sheet import: the pure parser's report, plus the rows whose number is already
 * taken (Did.number is unique across partners), then one createMany in one transaction, so a
 * file is written whole or not at all. `validRowsOnly` writes the good rows and reports the
 * rest; `allOrNothing` writes nothing while any row is rejected. A dry run only reports.
 */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { Prisma } from "../../../generated/prisma/client";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import { priceWithTier } from "../pricing";
import { tierFor } from "../tiers";
import { DidCsvFileError, parseDidCsv, type DidCsvRejection, type DidCsvRow } from "./csv-import";
import { takenReason } from "./inventory-service";
import type { TImportDidsInput } from "./schema";
import { partnerCurrency } from "./partner-currency";
import { loadTiers } from "./tiers-service";

/** Rows of the preview the reply carries; the counts are always complete. */
const MAX_PREVIEW_ROWS = 200;

function parseOrRefuse(csv: string) {
  try {
    return parseDidCsv(csv);
  } catch (err) {
    if (err instanceof DidCsvFileError) throw new AppError("INVALID", err.message, { fieldErrors: { csv: err.message } });
    throw err;
  }
}

async function withoutTaken(partnerId: string, rows: DidCsvRow[]) {
  const taken = await db.did.findMany({ where: { number: { in: rows.map((r) => r.number) } }, select: { number: true, partnerId: true } });
  const ownerOf = new Map(taken.map((t) => [t.number, t.partnerId]));
  const valid: DidCsvRow[] = [];
  const rejected: DidCsvRejection[] = [];
  for (const row of rows) {
    const owner = ownerOf.get(row.number);
    if (owner === undefined) valid.push(row);
    else rejected.push({ line: row.line, number: row.number, reason: takenReason(row.number, owner, partnerId) });
  }
  return { valid, rejected };
}

export async function importDids({ partnerId, actor }: PartnerScope, input: TImportDidsInput) {
  const parsed = parseOrRefuse(input.csv);
  const { valid, rejected: taken } = await withoutTaken(partnerId, parsed.rows);
  const rejected = [...parsed.rejected, ...taken].sort((a, b) => a.line - b.line);
  const tiers = await loadTiers(partnerId);
  const preview = valid.slice(0, MAX_PREVIEW_ROWS).map((row) => {
    const tier = tierFor(row.nationalDigits, tiers);
    const fees = priceWithTier(row, tier);
    return { line: row.line, number: row.number, area: row.area, tierName: tier?.name ?? null, setupFee: fees.setupFee.toString(), monthlyFee: fees.monthlyFee.toString() };
  });
  const report = { validCount: valid.length, rejected, preview, imported: 0, isRefused: false };
  if (input.isDryRun) return report;
  if (input.mode === "allOrNothing" && rejected.length > 0) return { ...report, isRefused: true };
  if (valid.length === 0) return report;

  await db.$transaction(async (tx) => {
    const currency = await partnerCurrency(tx, partnerId);
    // No skipDuplicates: a number another import took meanwhile fails the whole file (CONFLICT).
    await tx.did.createMany({
      data: valid.map((row) => ({
        partnerId, number: row.number, countryIso: row.countryIso, numberType: row.numberType, area: row.area,
        setupPrice: new Prisma.Decimal(row.setupPrice), monthlyPrice: new Prisma.Decimal(row.monthlyPrice), currency,
      })),
    });
    await recordAudit(tx, actor, {
      action: "numbers.inventory.import", entityType: "Partner", entityId: partnerId, partnerId,
      details: { mode: input.mode, imported: valid.length, rejected: rejected.length },
    });
  });
  return { ...report, imported: valid.length };
}
