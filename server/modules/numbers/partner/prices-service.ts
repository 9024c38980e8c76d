/**
 * A partner's base prices for supplier numbers, one per country. A country without a price is
 * not offered from suppliers at all, so deleting a price withdraws that country. Priced in the
 * partner's currency; stock numbers carry their own prices (inventory-service.ts).
 */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { Prisma } from "../../../generated/prisma/client";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import { partnerCurrency } from "./partner-currency";
import type { TUpsertDidPriceInput } from "./schema";

/** The prices, and the partner's currency that new ones are saved in. */
export async function findDidPrices({ partnerId }: PartnerScope) {
  const [prices, currency] = await Promise.all([db.didPrice.findMany({ where: { partnerId }, orderBy: { countryIso: "asc" } }), partnerCurrency(db, partnerId)]);
  const rows = prices.map((p) => ({ id: p.id, countryIso: p.countryIso, setupPrice: p.setupPrice.toString(), monthlyPrice: p.monthlyPrice.toString(), currency: p.currency, updatedAt: p.updatedAt }));
  return { currency, prices: rows };
}

/** Adds the country's price or replaces it; the currency is the partner's at the time of saving. */
export async function upsertDidPrice({ partnerId, actor }: PartnerScope, input: TUpsertDidPriceInput) {
  return db.$transaction(async (tx) => {
    const currency = await partnerCurrency(tx, partnerId);
    const before = await tx.didPrice.findUnique({ where: { partnerId_countryIso: { partnerId, countryIso: input.countryIso } } });
    const data = { setupPrice: new Prisma.Decimal(input.setupPrice), monthlyPrice: new Prisma.Decimal(input.monthlyPrice), currency };
    const price = await tx.didPrice.upsert({
      where: { partnerId_countryIso: { partnerId, countryIso: input.countryIso } },
      create: { partnerId, countryIso: input.countryIso, ...data },
      update: data,
    });
    const after = { countryIso: input.countryIso, setupPrice: input.setupPrice, monthlyPrice: input.monthlyPrice, currency };
    await recordAudit(tx, actor, {
      action: "numbers.price.upsert", entityType: "DidPrice", entityId: price.id, partnerId,
      details: before ? { ...after, before: { setupPrice: before.setupPrice.toString(), monthlyPrice: before.monthlyPrice.toString() } } : after,
    });
    return { id: price.id };
  });
}

export async function deleteDidPrice({ partnerId, actor }: PartnerScope, countryIso: string) {
  return db.$transaction(async (tx) => {
    const price = await tx.didPrice.findUnique({ where: { partnerId_countryIso: { partnerId, countryIso } } });
    if (!price) throw new AppError("NOT_FOUND", `There is no price for ${countryIso}.`);
    await tx.didPrice.delete({ where: { id: price.id } });
    await recordAudit(tx, actor, { action: "numbers.price.delete", entityType: "DidPrice", entityId: price.id, partnerId, details: { countryIso } });
    return { countryIso };
  });
}
