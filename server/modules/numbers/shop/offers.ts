/**
 * Search for numbers to buy: the partner's stock first, then the supplier's (when the partner
 * has one and prices the country), each priced with its tier. A supplier that fails or answers
 * garbage does not hide the stock; the page says the supplier could not be searched.
 */
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import { db } from "../../../db";
import { Prisma } from "../../../generated/prisma/client";
import { parsePhoneNumber, isPremiumKind } from "@/components/format/phone-number";
import { SupplierError } from "../../../integrations/did-supplier/types";
import { SealedSecretError } from "../../../integrations/secret-box";
import type { TenantScope } from "../../../tenancy";
import { adapterFor } from "../suppliers/adapter";
import { orderingSupplierOf } from "../suppliers/service";
import { loadTiers } from "../partner/tiers-service";
import { priceNumber, type NumberPrice, type PricedTier } from "./pricing";
import { findStock, knownNumbers } from "./queries";
import { OFFER_LIMIT, type TNumberSearchInput } from "./schema";

export type Offer = { number: string; source: "STOCK" | "SUPPLIER"; area: string | null; numberType: string | null } & NumberPrice;

export const serializeOffer = (o: Offer) => ({ ...o, setupFee: o.setupFee.toString(), monthlyFee: o.monthlyFee.toString() });

export async function partnerOf(tenantId: string) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { partnerId: true } });
  return tenant.partnerId;
}

export const tiersOf = (partnerId: string): Promise<PricedTier[]> => loadTiers(partnerId);

/** "20", "020" and "212" are area codes; anything with a letter is a town. */
function areaFilter(countryIso: string, area: string | undefined) {
  const text = area?.trim() ?? "";
  if (text === "") return {};
  if (!/^\d{1,6}$/.test(text)) return { areaText: text };
  const areaCode = text.replace(/^0+/, "");
  return { areaCode, numberPrefix: `+${getCountryCallingCode(countryIso as CountryCode)}${areaCode}` };
}

export async function searchNumbers({ tenantId }: TenantScope, input: TNumberSearchInput) {
  const partnerId = await partnerOf(tenantId);
  const tiers = await tiersOf(partnerId);
  const area = areaFilter(input.countryIso, input.area);
  const stock = await findStock(db, partnerId, { countryIso: input.countryIso, areaText: area.areaText, numberPrefix: area.numberPrefix, digits: input.digits || undefined, limit: OFFER_LIMIT });
  const offers: Offer[] = stock.map((row) => ({ number: row.number, source: "STOCK", area: row.area, numberType: row.numberType, ...priceNumber(row.number, row, tiers) }));

  const supplier = await supplierOffers(partnerId, input, area, tiers, OFFER_LIMIT - offers.length);
  return { offers: [...offers, ...supplier.offers].map(serializeOffer), supplierNotice: supplier.notice };
}

async function supplierOffers(partnerId: string, input: TNumberSearchInput, area: ReturnType<typeof areaFilter>, tiers: PricedTier[], room: number): Promise<{ offers: Offer[]; notice: string | null }> {
  if (room <= 0) return { offers: [], notice: null };
  const [supplier, price] = await Promise.all([
    orderingSupplierOf(partnerId),
    db.didPrice.findUnique({ where: { partnerId_countryIso: { partnerId, countryIso: input.countryIso } } }),
  ]);
  if (!supplier || !price) return { offers: [], notice: null };
  let found;
  try {
    // A town is not something the vendor's area-code filter understands; search the country and filter by name.
    found = await adapterFor(supplier).search({ countryIso: input.countryIso, areaCode: area.areaCode, contains: input.digits || undefined, limit: room });
  } catch (err) {
    // An unreadable stored key is the partner's to fix; the customer still sees the stock.
    if (!(err instanceof SupplierError || err instanceof SealedSecretError)) throw err;
    console.warn(`[numbers] supplier search failed for partner ${partnerId}: ${err.message}`);
    return { offers: [], notice: "More numbers from our supplier could not be searched just now; try again in a minute." };
  }
  const known = await knownNumbers(db, found.map((f) => f.e164));
  const offers = found.flatMap((f): Offer[] => {
    const parsed = parsePhoneNumber(f.e164);
    // Only what the vendor says is a real number of the country asked for, never premium rate, and never one we already hold.
    if (!parsed || parsed.country !== input.countryIso || isPremiumKind(parsed.kind) || known.has(parsed.e164)) return [];
    if (area.areaText && !(f.area ?? "").toLowerCase().includes(area.areaText.toLowerCase())) return [];
    const base = { setupPrice: new Prisma.Decimal(price.setupPrice), monthlyPrice: new Prisma.Decimal(price.monthlyPrice), currency: price.currency };
    return [{ number: parsed.e164, source: "SUPPLIER", area: f.area, numberType: parsed.kind, ...priceNumber(parsed.e164, base, tiers) }];
  });
  return { offers, notice: null };
}
