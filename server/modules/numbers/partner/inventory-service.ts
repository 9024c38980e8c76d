/**
 * The partner's number stock: list with filters, add one number, change an available one's
 * area and prices, retire one. Partner data addressed by partnerId (a Did's tenantId is only its
 * customer once sold), so another partner's number reads as NOT_FOUND. The CSV import is in
 * ./inventory-import.ts.
 */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { Prisma } from "../../../generated/prisma/client";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import { priceWithTier } from "../pricing";
import { DIDS_PAGE_SIZE, STANDARD_TIER, type TCreateDidInput, type TFindDidsInput, type TUpdateDidInput } from "./schema";
import { partnerCurrency } from "./partner-currency";
import { parseStockNumber } from "./stock-number";
import { loadTiers, tierOfNumber, type StoredTier } from "./tiers-service";

type Tx = Prisma.TransactionClient;

const didSelect = {
  id: true, number: true, countryIso: true, area: true, numberType: true, state: true, source: true, currency: true,
  setupPrice: true, monthlyPrice: true, quarantinedUntil: true, createdAt: true, tenant: { select: { id: true, name: true } },
} as const;
type DidRow = Prisma.DidGetPayload<{ select: typeof didSelect }>;

function searchWhere(search: string | undefined): Prisma.DidWhereInput {
  if (!search) return {};
  const digits = search.replace(/\D/g, "");
  // "020 7946" is typed nationally; stored numbers are +44207946…, so also look for it without the trunk 0.
  const numberParts = digits ? [...new Set([digits, digits.replace(/^0+/, "")])].filter(Boolean).map((d) => ({ number: { contains: d } })) : [];
  return { OR: [...numberParts, { area: { contains: search, mode: "insensitive" } }] };
}

/** A row as the back office shows it: its tier and the price including the tier's premium. */
function present({ tenant, ...row }: DidRow, tiers: StoredTier[]) {
  const tier = tierOfNumber(row.number, tiers);
  const fees = priceWithTier(row, tier);
  return {
    ...row,
    customer: tenant,
    setupPrice: row.setupPrice.toString(),
    monthlyPrice: row.monthlyPrice.toString(),
    tier: tier ? { id: tier.id, name: tier.name, rank: tier.rank, setupPremium: tier.setupPremium.toString(), monthlyPremium: tier.monthlyPremium.toString() } : null,
    setupFee: fees.setupFee.toString(),
    monthlyFee: fees.monthlyFee.toString(),
  };
}

/**
 * One page of the stock, newest first or by number. A number's tier is computed, not stored
 * (tiers change), so filtering by tier reads the other filters' matches and pages in memory;
 * stock is thousands of rows, not millions.
 */
export async function findDids({ partnerId }: PartnerScope, input: TFindDidsInput) {
  const where: Prisma.DidWhereInput = {
    partnerId,
    ...(input.state ? { state: input.state } : {}),
    ...(input.countryIso ? { countryIso: input.countryIso } : {}),
    ...searchWhere(input.search),
  };
  const orderBy: Prisma.DidOrderByWithRelationInput[] = input.sort === "number" ? [{ number: "asc" }] : [{ createdAt: "desc" }, { number: "asc" }];
  const page = input.page ?? 1;
  const [tiers, currency] = await Promise.all([loadTiers(partnerId), partnerCurrency(db, partnerId)]);
  let rows: DidRow[];
  let total: number;
  if (input.tierId) {
    const candidates = await db.did.findMany({ where, orderBy, select: { id: true, number: true } });
    const wanted = candidates.filter((d) => (tierOfNumber(d.number, tiers)?.id ?? STANDARD_TIER) === input.tierId).map((d) => d.id);
    total = wanted.length;
    const ids = wanted.slice((page - 1) * DIDS_PAGE_SIZE, page * DIDS_PAGE_SIZE);
    const byId = new Map((await db.did.findMany({ where: { id: { in: ids } }, select: didSelect })).map((d) => [d.id, d]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    [rows, total] = await Promise.all([
      db.did.findMany({ where, orderBy, select: didSelect, skip: (page - 1) * DIDS_PAGE_SIZE, take: DIDS_PAGE_SIZE }),
      db.did.count({ where }),
    ]);
  }
  return { currency, items: rows.map((r) => present(r, tiers)), total, page, pageCount: Math.max(1, Math.ceil(total / DIDS_PAGE_SIZE)) };
}

/** Says whose the number is when it is taken: ours (say so), or another partner's (say only "taken"). */
export function takenReason(e164: string, ownerPartnerId: string, partnerId: string) {
  return ownerPartnerId === partnerId ? `${e164} is already in your stock.` : `${e164} is already taken on this platform.`;
}

export async function createDid({ partnerId, actor }: PartnerScope, input: TCreateDidInput) {
  const parsed = parseStockNumber(input.number, input.countryIso || undefined);
  if ("problem" in parsed) throw new AppError("INVALID", parsed.problem, { fieldErrors: { number: parsed.problem } });
  const { e164, country, kind } = parsed.number;
  return db.$transaction(async (tx) => {
    const taken = await tx.did.findUnique({ where: { number: e164 }, select: { partnerId: true } });
    if (taken) {
      const message = takenReason(e164, taken.partnerId, partnerId);
      throw new AppError("CONFLICT", message, { fieldErrors: { number: message } });
    }
    const currency = await partnerCurrency(tx, partnerId);
    const did = await tx.did.create({
      data: {
        partnerId, number: e164, countryIso: country ?? input.countryIso ?? "GB", numberType: kind, area: input.area || null,
        setupPrice: new Prisma.Decimal(input.setupPrice), monthlyPrice: new Prisma.Decimal(input.monthlyPrice), currency,
      },
    });
    await recordAudit(tx, actor, {
      action: "numbers.inventory.create", entityType: "Did", entityId: did.id, partnerId,
      details: { number: e164, area: did.area, setupPrice: input.setupPrice, monthlyPrice: input.monthlyPrice, currency },
    });
    return { id: did.id, number: e164 };
  });
}

async function requireDid(tx: Tx, partnerId: string, id: string) {
  const did = await tx.did.findFirst({ where: { id, partnerId } });
  if (!did) throw new AppError("NOT_FOUND", "That number does not exist.");
  return did;
}

const STATE_WORDS: Record<string, string> = { RESERVED: "reserved for a purchase", ASSIGNED: "assigned to a customer", QUARANTINED: "in quarantine", RETIRED: "retired", AVAILABLE: "available" };

/** Area and prices of a number still on the shelf; a sold number keeps what its customer agreed to. */
export async function updateDid({ partnerId, actor }: PartnerScope, input: TUpdateDidInput) {
  return db.$transaction(async (tx) => {
    const before = await requireDid(tx, partnerId, input.id);
    const data = { area: input.area || null, setupPrice: new Prisma.Decimal(input.setupPrice), monthlyPrice: new Prisma.Decimal(input.monthlyPrice) };
    // The state is part of the write, so a purchase that reserved the number meanwhile wins.
    const { count } = await tx.did.updateMany({ where: { id: before.id, state: "AVAILABLE" }, data });
    if (count === 0) throw new AppError("CONFLICT", `Only available numbers can be changed; ${before.number} is ${STATE_WORDS[before.state]}.`);
    await recordAudit(tx, actor, {
      action: "numbers.inventory.update", entityType: "Did", entityId: before.id, partnerId,
      details: {
        number: before.number,
        currency: before.currency,
        before: { area: before.area, setupPrice: before.setupPrice.toString(), monthlyPrice: before.monthlyPrice.toString() },
        after: { area: data.area, setupPrice: input.setupPrice, monthlyPrice: input.monthlyPrice },
      },
    });
    return { id: before.id };
  });
}

/** Takes an available or quarantined number off sale for good; one a customer has cannot be retired. */
export async function retireDid({ partnerId, actor }: PartnerScope, id: string) {
  return db.$transaction(async (tx) => {
    const before = await requireDid(tx, partnerId, id);
    const { count } = await tx.did.updateMany({
      where: { id: before.id, state: { in: ["AVAILABLE", "QUARANTINED"] } },
      data: { state: "RETIRED", quarantinedUntil: null },
    });
    if (count === 0) throw new AppError("CONFLICT", `Only available or quarantined numbers can be retired; ${before.number} is ${STATE_WORDS[before.state]}.`);
    await recordAudit(tx, actor, { action: "numbers.inventory.retire", entityType: "Did", entityId: before.id, partnerId, details: { number: before.number, from: before.state } });
    return { id: before.id };
  });
}
