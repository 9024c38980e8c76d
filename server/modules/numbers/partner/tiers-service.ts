/**
 * A partner's gold / silver / bronze tiers. Partner data (no tenantId): every query filters by
 * the admin's partnerId, so another partner's tier reads as NOT_FOUND.
 */
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { Prisma } from "../../../generated/prisma/client";
import { parsePhoneNumber } from "../../../../components/format/phone-number";
import type { PartnerScope } from "../../admin/customers-service";
import { recordAudit } from "../../audit/service";
import { tierFor, ZTierRules, type Tier, type TierRule } from "../tiers";
import { partnerCurrency } from "./partner-currency";
import type { TCreateTierInput, TUpdateTierInput } from "./schema";

type Tx = Prisma.TransactionClient;
export type StoredTier = Omit<Tier<Prisma.Decimal>, "rules"> & { id: string; rules: TierRule[] };

/** Rules as saved; a row that no longer passes ZTierRules matches nothing rather than failing the list. */
function readRules(json: Prisma.JsonValue): TierRule[] {
  const parsed = ZTierRules.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** The partner's tiers, highest rank first, with their rules checked. */
export async function loadTiers(partnerId: string, client: Tx | typeof db = db): Promise<StoredTier[]> {
  const rows = await client.didTier.findMany({ where: { partnerId }, orderBy: { rank: "desc" } });
  return rows.map((t) => ({ id: t.id, name: t.name, rank: t.rank, rules: readRules(t.rules), setupPremium: t.setupPremium, monthlyPremium: t.monthlyPremium }));
}

/** The tier a stored E.164 number falls in, judged on its national digits; null: a standard number. */
export function tierOfNumber<T extends Pick<StoredTier, "rank" | "rules">>(e164: string, tiers: readonly T[]): T | null {
  const parsed = parsePhoneNumber(e164);
  return parsed ? tierFor(parsed.nationalDigits, tiers) : null;
}

const wire = (t: StoredTier) => ({ ...t, setupPremium: t.setupPremium.toString(), monthlyPremium: t.monthlyPremium.toString() });

/** The tiers, highest rank first, and the currency their premiums are in. */
export async function findTiers({ partnerId }: PartnerScope) {
  const [tiers, currency] = await Promise.all([loadTiers(partnerId), partnerCurrency(db, partnerId)]);
  return { currency, tiers: tiers.map(wire) };
}

/** Rank and name are unique per partner; say which tier holds them, on the field. */
async function assertFree(tx: Tx, partnerId: string, input: TCreateTierInput, exceptId?: string) {
  const others = await tx.didTier.findMany({ where: { partnerId, OR: [{ rank: input.rank }, { name: input.name }], ...(exceptId ? { id: { not: exceptId } } : {}) } });
  const sameRank = others.find((t) => t.rank === input.rank);
  if (sameRank) {
    const message = `${sameRank.name} already has rank ${input.rank}. Each tier needs its own rank; the highest matching rank wins.`;
    throw new AppError("CONFLICT", message, { fieldErrors: { rank: message } });
  }
  if (others.length > 0) {
    const message = `There is already a tier called ${input.name}.`;
    throw new AppError("CONFLICT", message, { fieldErrors: { name: message } });
  }
}

const tierData = (input: TCreateTierInput) => ({
  name: input.name,
  rank: input.rank,
  rules: input.rules as Prisma.InputJsonValue,
  setupPremium: new Prisma.Decimal(input.setupPremium),
  monthlyPremium: new Prisma.Decimal(input.monthlyPremium),
});

const auditDetails = (input: TCreateTierInput) => ({ name: input.name, rank: input.rank, rules: input.rules, setupPremium: input.setupPremium, monthlyPremium: input.monthlyPremium });

export async function createTier({ partnerId, actor }: PartnerScope, input: TCreateTierInput) {
  return db.$transaction(async (tx) => {
    await assertFree(tx, partnerId, input);
    const tier = await tx.didTier.create({ data: { partnerId, ...tierData(input) } });
    await recordAudit(tx, actor, { action: "numbers.tier.create", entityType: "DidTier", entityId: tier.id, partnerId, details: auditDetails(input) });
    return { id: tier.id };
  });
}

async function requireTier(tx: Tx, partnerId: string, id: string) {
  const tier = await tx.didTier.findFirst({ where: { id, partnerId } });
  if (!tier) throw new AppError("NOT_FOUND", "That tier does not exist.");
  return tier;
}

/** Changes apply to every number's price from now on; numbers already sold keep what they were charged. */
export async function updateTier({ partnerId, actor }: PartnerScope, input: TUpdateTierInput) {
  return db.$transaction(async (tx) => {
    const before = await requireTier(tx, partnerId, input.id);
    await assertFree(tx, partnerId, input, input.id);
    await tx.didTier.update({ where: { id: before.id }, data: tierData(input) });
    const was = { name: before.name, rank: before.rank, rules: before.rules, setupPremium: before.setupPremium.toString(), monthlyPremium: before.monthlyPremium.toString() };
    await recordAudit(tx, actor, { action: "numbers.tier.update", entityType: "DidTier", entityId: before.id, partnerId, details: { before: was, after: auditDetails(input) } });
    return { id: before.id };
  });
}

export async function deleteTier({ partnerId, actor }: PartnerScope, id: string) {
  return db.$transaction(async (tx) => {
    const tier = await requireTier(tx, partnerId, id);
    await tx.didTier.delete({ where: { id: tier.id } });
    await recordAudit(tx, actor, { action: "numbers.tier.delete", entityType: "DidTier", entityId: tier.id, partnerId, details: { name: tier.name, rank: tier.rank } });
    return { id: tier.id };
  });
}
