/**
 * Demo billing: Demo Telecom's default account plans, a £50.00 opening credit for each demo
 * customer, and monthly prices on the demo SIP accounts (seed-telephony.ts makes them unpriced).
 * Idempotent: plans are matched by name, the credit by its ledger idempotency key, and only
 * unpriced demo accounts (no purchase) get a price, so a second run changes nothing.
 */
import { Prisma } from "../server/generated/prisma/client";
import { bandIndexFor, toBands, type BandInput } from "../server/modules/billing/domain";
import { billingPeriod } from "../server/modules/billing/money";
import type { TAccountType } from "../server/modules/billing/schema";

type Tx = Prisma.TransactionClient;

const CURRENCY = "GBP";
export const DEMO_OPENING_CREDIT = { amount: "50.00", idempotencyKey: "demo-opening-credit" } as const;

export const DEMO_PLANS: { name: string; accountType: TAccountType; setupFee: string; bands: BandInput[] }[] = [
  {
    name: "Centrex line standard",
    accountType: "CENTREX_LINE",
    setupFee: "0",
    bands: [
      { minQuantity: 1, maxQuantity: 5, monthlyPrice: "5.99" },
      { minQuantity: 6, maxQuantity: 10, monthlyPrice: "4.99" },
      { minQuantity: 11, maxQuantity: null, monthlyPrice: "3.99" },
    ],
  },
  { name: "Fax line standard", accountType: "FAX", setupFee: "0", bands: [{ minQuantity: 1, maxQuantity: null, monthlyPrice: "3.00" }] },
  { name: "Voicemail standard", accountType: "VOICEMAIL", setupFee: "0", bands: [{ minQuantity: 1, maxQuantity: null, monthlyPrice: "1.50" }] },
];

const DEMO_CUSTOMERS = ["Acme Ltd", "Globex Corp"] as const;

export async function seedDemoBilling(tx: Tx, partnerId: string) {
  for (const plan of DEMO_PLANS) {
    if (await tx.accountPlan.findFirst({ where: { partnerId, name: plan.name }, select: { id: true } })) continue;
    // A partner who already set a default for the type keeps it; the demo plan is then extra.
    const hasDefault = (await tx.accountPlan.count({ where: { partnerId, accountType: plan.accountType, isDefault: true } })) > 0;
    await tx.accountPlan.create({
      data: { partnerId, name: plan.name, accountType: plan.accountType, currency: CURRENCY, setupFee: plan.setupFee, isDefault: !hasDefault, bands: { create: plan.bands } },
    });
  }

  for (const name of DEMO_CUSTOMERS) {
    const tenant = await tx.tenant.findFirst({ where: { partnerId, name }, select: { id: true } });
    if (!tenant) continue;
    await tx.ledgerEntry.createMany({
      data: [
        {
          tenantId: tenant.id, kind: "CREDIT_MANUAL", amount: DEMO_OPENING_CREDIT.amount, currency: CURRENCY,
          description: "Credit from your provider: opening credit", idempotencyKey: DEMO_OPENING_CREDIT.idempotencyKey,
        },
      ],
      skipDuplicates: true,
    });
    await priceDemoAccounts(tx, tenant.id);
  }
}

/** The demo accounts are priced by the plan's band for the customer's count of each type. */
async function priceDemoAccounts(tx: Tx, tenantId: string) {
  for (const plan of DEMO_PLANS) {
    const count = await tx.sipAccount.count({ where: { tenantId, type: plan.accountType } });
    if (count === 0) continue;
    const bands = toBands(plan.bands);
    const price = bands[bandIndexFor(bands, count)]!.monthlyPrice;
    const unpriced = await tx.sipAccount.findMany({
      where: { tenantId, type: plan.accountType, monthlyPrice: null, purchaseId: null },
      select: { id: true },
    });
    if (unpriced.length === 0) continue;
    await tx.sipAccount.updateMany({
      where: { id: { in: unpriced.map((a) => a.id) } },
      data: { monthlyPrice: new Prisma.Decimal(price), priceCurrency: CURRENCY },
    });
    // The demo's first month is settled, as a purchase settles its own month: otherwise the
    // worker's recurring-charge run at start would take it out of the opening credit at once.
    await tx.recurringCharge.createMany({
      data: unpriced.map((a) => ({ tenantId, sipAccountId: a.id, period: billingPeriod(new Date()), amount: new Prisma.Decimal(0), currency: CURRENCY })),
      skipDuplicates: true,
    });
  }
}
