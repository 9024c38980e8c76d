/**
 * Demo numbers: Demo Telecom's Gold / Silver / Bronze tiers, about 25 UK stock numbers from
 * Ofcom's drama ranges (reserved for fiction, so no real line is ever rung), a quarantined and
 * a retired one, and GB and US prices for supplier numbers. Idempotent: tiers are matched by
 * name, numbers by their (globally unique) E.164, prices by country, so a second run adds
 * nothing. The customers' assigned numbers (seed-telephony.ts) are left as they are.
 */
import { parsePhoneNumber } from "../components/format/phone-number";
import type { Prisma } from "../server/generated/prisma/client";
import type { TierRule } from "../server/modules/numbers/tiers";

type Tx = Prisma.TransactionClient;

export const DEMO_TIERS: { name: string; rank: number; rules: TierRule[]; setupPremium: string; monthlyPremium: string }[] = [
  { name: "Gold", rank: 3, rules: [{ kind: "repeated", length: 4 }, { kind: "roundEnding", zeros: 3 }], setupPremium: "50", monthlyPremium: "5" },
  { name: "Silver", rank: 2, rules: [{ kind: "sequence", length: 4 }], setupPremium: "20", monthlyPremium: "2" },
  { name: "Bronze", rank: 1, rules: [{ kind: "regex", pattern: "(\\d\\d)\\1$" }], setupPremium: "5", monthlyPremium: "0" },
];

/** Drama ranges: London 020 7946 0000–0999, Manchester 0161 496 0000–0999, Birmingham 0121 496 0000–0999. */
const STOCK = [
  { area: "London", prefix: "+4420794", setupPrice: "5", monthlyPrice: "2.5", endings: ["60000", "60123", "60505", "60909", "60017", "60042", "60158", "60263", "60371", "60486", "60594", "60627", "60735"] },
  { area: "Manchester", prefix: "+4416149", setupPrice: "0", monthlyPrice: "1.5", endings: ["60000", "60123", "60606", "60218", "60344", "60459", "60572"] },
  { area: "Birmingham", prefix: "+4412149", setupPrice: "2", monthlyPrice: "1", endings: ["60000", "60123", "60707", "60281", "60395"] },
] as const;

const RESTING = [
  { number: "+442079460333", area: "London", state: "QUARANTINED", quarantineDays: 20 },
  { number: "+441214960999", area: "Birmingham", state: "RETIRED", quarantineDays: 0 },
] as const;

export const DEMO_DID_PRICES = [
  { countryIso: "GB", setupPrice: "0", monthlyPrice: "1.5" },
  { countryIso: "US", setupPrice: "1", monthlyPrice: "1" },
] as const;

/** The stored facts of a demo number; a typo in this file fails the seed rather than storing junk. */
function facts(e164: string) {
  const parsed = parsePhoneNumber(e164);
  if (!parsed || parsed.e164 !== e164 || !parsed.country) throw new Error(`seed-numbers: ${e164} is not a valid E.164 number`);
  return { number: e164, countryIso: parsed.country, numberType: parsed.kind };
}

export async function seedDemoNumbers(tx: Tx, partnerId: string) {
  const { currency } = await tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { currency: true } });
  for (const tier of DEMO_TIERS) {
    // A partner who already uses the name or the rank keeps its own tier.
    if (await tx.didTier.count({ where: { partnerId, OR: [{ name: tier.name }, { rank: tier.rank }] } })) continue;
    await tx.didTier.create({ data: { partnerId, ...tier, rules: tier.rules as Prisma.InputJsonValue } });
  }
  const now = Date.now();
  const available = STOCK.flatMap((group) =>
    group.endings.map((ending) => ({ ...facts(`${group.prefix}${ending}`), area: group.area, setupPrice: group.setupPrice, monthlyPrice: group.monthlyPrice })),
  );
  const resting = RESTING.map((r) => ({
    ...facts(r.number), area: r.area, state: r.state, setupPrice: "0", monthlyPrice: "1",
    quarantinedUntil: r.quarantineDays > 0 ? new Date(now + r.quarantineDays * 86_400_000) : null,
  }));
  // skipDuplicates: numbers already stored (by this seed or anyone) stay as they are.
  await tx.did.createMany({ data: [...available, ...resting].map((d) => ({ partnerId, currency, source: "INVENTORY" as const, ...d })), skipDuplicates: true });
  for (const price of DEMO_DID_PRICES) {
    await tx.didPrice.upsert({
      where: { partnerId_countryIso: { partnerId, countryIso: price.countryIso } },
      create: { partnerId, currency, ...price },
      update: {},
    });
  }
}
