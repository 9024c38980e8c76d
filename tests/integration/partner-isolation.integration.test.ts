/**
 * Partner isolation, enumerated: every partner-scoped procedure has a case in which another
 * partner's admin reaches for Demo's customers and gets NOT_FOUND (or sees none).
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seal } from "@/server/integrations/secret-box";
import { generateApiKey } from "@/server/modules/callbacks/api-keys/key-material";
import { callerFor, seedPartner, seedTwoTenants } from "../fixtures/seed-tenant";
import { expectTrpcError, listProcedures } from "../fixtures/procedures";
import { seedExtensions } from "../fixtures/seed-telephony";
import { CALLBACK_POLICY_CASES } from "./partner-isolation/callback-policy-cases";
import { BRIEF_BANDS, balanceOf, creditTenant, seedAccountPlan, seedTopUp, seedTopUpRefusal } from "../fixtures/seed-billing";

type World = Awaited<ReturnType<typeof seedTwoTenants>> & {
  demoTariff: { id: string };
  demoRate: { id: string };
  demoPlan: { id: string };
  demoDid: { id: string; number: string };
  demoTier: { id: string };
};
type Caller = Awaited<ReturnType<typeof callerFor>>;
type Case = (rival: Caller, world: World) => Promise<void>;

/** Demo's own supplier account (its key sealed; nobody calls it in these cases). */
const demoSupplier = (partnerId: string) =>
  db.didSupplier.create({ data: { partnerId, kind: "TELNYX", name: `Demo Telnyx ${randomUUID().slice(0, 6)}`, baseUrl: "https://api.telnyx.com/v2", apiKeySealed: seal("KEY_demo_secret"), apiKeyHint: "••••cret" } });

/** Issue 14: a customer's callback API keys as the back office sees them. */
async function demoApiKey(tenantId: string) {
  const m = generateApiKey();
  return db.apiKey.create({ data: { tenantId, name: `Demo ${m.prefix}`, prefix: m.prefix, secretHash: m.secretHash, rateLimitPerMinute: 60 } });
}
const API_KEY_PARTNER_CASES: Record<string, Case> = {
  "admin.customerApiKeys.find": async (rival, { acme }) => {
    await demoApiKey(acme.tenant.id);
    await expectTrpcError(rival.admin.customerApiKeys.find({ tenantId: acme.tenant.id }), "NOT_FOUND");
  },
  "admin.customerApiKeys.setRateLimit": async (rival, { acme }) => {
    const theirs = await demoApiKey(acme.tenant.id);
    await expectTrpcError(rival.admin.customerApiKeys.setRateLimit({ tenantId: acme.tenant.id, id: theirs.id, rateLimitPerMinute: 1_000_000 }), "NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).rateLimitPerMinute).toBe(60);
  },
};

const admin = { adminName: "Mallory", adminEmail: "mallory@test.example", adminPassword: "Long-enough-1" };

const CASES: Record<string, Case> = {
  ...CALLBACK_POLICY_CASES,
  "didSupplier.find": async (rival, { partner }) => {
    const theirs = await demoSupplier(partner.id);
    expect((await rival.didSupplier.find()).map((s) => s.id)).not.toContain(theirs.id);
  },
  "didSupplier.save": async (rival, { partner }) => {
    const theirs = await demoSupplier(partner.id);
    await expectTrpcError(rival.didSupplier.save({ id: theirs.id, kind: "TELNYX", name: "Stolen", baseUrl: "https://api.telnyx.com/v2", isEnabled: false }), "NOT_FOUND");
    expect(await db.didSupplier.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: theirs.name, isEnabled: true });
  },
  "didSupplier.remove": async (rival, { partner }) => {
    const theirs = await demoSupplier(partner.id);
    await expectTrpcError(rival.didSupplier.remove({ id: theirs.id }), "NOT_FOUND");
    expect(await db.didSupplier.count({ where: { id: theirs.id } })).toBe(1);
  },
  "didSupplier.test": async (rival, { partner }) => {
    await expectTrpcError(rival.didSupplier.test({ id: (await demoSupplier(partner.id)).id }), "NOT_FOUND");
  },
  "admin.customer.find": async (rival, { acme }) => {
    expect((await rival.admin.customer.find()).map((c) => c.id)).not.toContain(acme.tenant.id);
  },
  "admin.customer.get": (rival, { acme }) => expectTrpcError(rival.admin.customer.get({ id: acme.tenant.id }), "NOT_FOUND"),
  "admin.customer.create": async (rival, { partner }) => {
    const created = await rival.admin.customer.create({ name: "Rival Customer", ...admin, partnerId: partner.id } as Parameters<Caller["admin"]["customer"]["create"]>[0]);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: created.id } })).partnerId).not.toBe(partner.id);
  },
  "admin.customer.update": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.customer.update({ id: acme.tenant.id, name: "Stolen" }), "NOT_FOUND");
    expect((await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).name).toBe("Acme Ltd");
  },
  "admin.customer.setStatus": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.customer.setStatus({ id: acme.tenant.id, status: "SUSPENDED" }), "NOT_FOUND");
    expect((await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).status).toBe("ACTIVE");
  },
  "admin.customer.createAdmin": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.customer.createAdmin({ tenantId: acme.tenant.id, ...admin, adminEmail: "sneaky@test.example" }), "NOT_FOUND");
    expect(await db.user.count({ where: { email: "sneaky@test.example" } })).toBe(0);
  },
  "admin.customer.extensions": async (rival, { acme }) => {
    await seedExtensions(acme.tenant.id, 1, { firstNumber: 801 });
    await expectTrpcError(rival.admin.customer.extensions({ id: acme.tenant.id }), "NOT_FOUND");
  },
  "admin.customer.usage": async (rival, { acme }) => {
    const at = new Date();
    await db.callRecord.create({
      data: { tenantId: acme.tenant.id, channelId: `iso-${randomUUID()}`, direction: "OUTBOUND", callerNumber: "801", calledNumber: "441234", startedAt: at, endedAt: at, disposition: "FAILED" },
    });
    await expectTrpcError(rival.admin.customer.usage({ id: acme.tenant.id }), "NOT_FOUND");
  },
  "tariff.find": async (rival, { demoTariff }) => {
    expect((await rival.tariff.find()).map((t) => t.id)).not.toContain(demoTariff.id);
  },
  "tariff.get": (rival, { demoTariff }) => expectTrpcError(rival.tariff.get({ id: demoTariff.id }), "NOT_FOUND"),
  "tariff.create": async (rival, { partner }) => {
    const input = { name: "Rival plan", currency: "GBP", isDefault: true, partnerId: partner.id };
    const created = await rival.tariff.create(input as Parameters<Caller["tariff"]["create"]>[0]);
    expect((await db.tariff.findUniqueOrThrow({ where: { id: created.id } })).partnerId).not.toBe(partner.id);
    expect(await db.tariff.count({ where: { partnerId: partner.id, isDefault: true } })).toBe(1);
  },
  "tariff.update": async (rival, { demoTariff }) => {
    await expectTrpcError(rival.tariff.update({ id: demoTariff.id, name: "Stolen", currency: "EUR" }), "NOT_FOUND");
    expect((await db.tariff.findUniqueOrThrow({ where: { id: demoTariff.id } })).name).toBe("Demo standard");
  },
  "tariff.delete": async (rival, { demoTariff }) => {
    await expectTrpcError(rival.tariff.delete({ id: demoTariff.id }), "NOT_FOUND");
    expect(await db.tariff.count({ where: { id: demoTariff.id } })).toBe(1);
  },
  "tariff.setDefault": async (rival, { demoTariff, partner }) => {
    await db.tariff.update({ where: { id: demoTariff.id }, data: { isDefault: false } });
    await expectTrpcError(rival.tariff.setDefault({ id: demoTariff.id }), "NOT_FOUND");
    expect(await db.tariff.count({ where: { partnerId: partner.id, isDefault: true } })).toBe(0);
    await db.tariff.update({ where: { id: demoTariff.id }, data: { isDefault: true } });
  },
  "tariff.importRates": async (rival, { demoTariff }) => {
    const csv = "prefix,rate_per_minute,connect_fee,increment_sec,minimum_sec\n44,9.99,0,60,0";
    await expectTrpcError(rival.tariff.importRates({ tariffId: demoTariff.id, mode: "replace", csv }), "NOT_FOUND");
    expect((await db.tariffRate.findMany({ where: { tariffId: demoTariff.id } })).map((r) => r.ratePerMinute.toString())).toEqual(["0.01"]);
  },
  "tariff.assignToCustomer": async (rival, { acme }) => {
    await expectTrpcError(rival.tariff.assignToCustomer({ tenantId: acme.tenant.id, tariffId: null }), "NOT_FOUND");
    const rivalTariff = await rival.tariff.create({ name: "Rival assign", currency: "GBP", isDefault: false });
    // Even their own tariff cannot be put on Demo's customer.
    await expectTrpcError(rival.tariff.assignToCustomer({ tenantId: acme.tenant.id, tariffId: rivalTariff.id }), "NOT_FOUND");
    expect((await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).tariffId).toBeNull();
  },
  "tariff.rate.upsert": async (rival, { demoTariff, demoRate }) => {
    const fields = { prefix: "44", description: "", ratePerMinute: "9", connectFee: "0", incrementSec: 60, minimumSec: 0 };
    await expectTrpcError(rival.tariff.rate.upsert({ tariffId: demoTariff.id, ...fields, prefix: "33" }), "NOT_FOUND");
    await expectTrpcError(rival.tariff.rate.upsert({ tariffId: demoTariff.id, id: demoRate.id, ...fields }), "NOT_FOUND");
    // Naming their own tariff with our rate's id does not reach our rate either.
    const own = await rival.tariff.create({ name: "Rival rates", currency: "GBP", isDefault: false });
    await expectTrpcError(rival.tariff.rate.upsert({ tariffId: own.id, id: demoRate.id, ...fields }), "NOT_FOUND");
    expect((await db.tariffRate.findUniqueOrThrow({ where: { id: demoRate.id } })).ratePerMinute.toString()).toBe("0.01");
  },
  "tariff.rate.delete": async (rival, { demoTariff, demoRate }) => {
    await expectTrpcError(rival.tariff.rate.delete({ tariffId: demoTariff.id, id: demoRate.id }), "NOT_FOUND");
    expect(await db.tariffRate.count({ where: { id: demoRate.id } })).toBe(1);
  },
  "admin.audit.find": async (rival, { acme, partnerAdmin }) => {
    await (await callerFor(partnerAdmin.id)).admin.customer.update({ id: acme.tenant.id, name: "Acme Ltd" });
    const page = await rival.admin.audit.find({ tenantId: acme.tenant.id });
    expect(page.items).toEqual([]);
  },
  "accountPlan.find": async (rival, { demoPlan }) => {
    expect((await rival.accountPlan.find()).map((p) => p.id)).not.toContain(demoPlan.id);
  },
  "accountPlan.get": (rival, { demoPlan }) => expectTrpcError(rival.accountPlan.get({ id: demoPlan.id }), "NOT_FOUND"),
  "accountPlan.create": async (rival, { partner, demoPlan }) => {
    const input = { name: "Rival lines", accountType: "CENTREX_LINE", currency: "GBP", setupFee: "0", isDefault: true, bands: BRIEF_BANDS, partnerId: partner.id };
    const created = await rival.accountPlan.create(input as Parameters<Caller["accountPlan"]["create"]>[0]);
    expect((await db.accountPlan.findUniqueOrThrow({ where: { id: created.id } })).partnerId).not.toBe(partner.id);
    expect((await db.accountPlan.findUniqueOrThrow({ where: { id: demoPlan.id } })).isDefault).toBe(true);
  },
  "accountPlan.update": async (rival, { demoPlan }) => {
    const input = { id: demoPlan.id, name: "Stolen", currency: "GBP", setupFee: "0", bands: [{ minQuantity: 1, maxQuantity: null, monthlyPrice: "0" }] };
    await expectTrpcError(rival.accountPlan.update(input), "NOT_FOUND");
    expect(await db.accountPlanBand.count({ where: { planId: demoPlan.id } })).toBe(3);
  },
  "accountPlan.delete": async (rival, { demoPlan }) => {
    await expectTrpcError(rival.accountPlan.delete({ id: demoPlan.id }), "NOT_FOUND");
    expect(await db.accountPlan.count({ where: { id: demoPlan.id } })).toBe(1);
  },
  "accountPlan.setDefault": async (rival, { demoPlan }) => {
    await db.accountPlan.update({ where: { id: demoPlan.id }, data: { isDefault: false } });
    await expectTrpcError(rival.accountPlan.setDefault({ id: demoPlan.id }), "NOT_FOUND");
    expect((await db.accountPlan.findUniqueOrThrow({ where: { id: demoPlan.id } })).isDefault).toBe(false);
    await db.accountPlan.update({ where: { id: demoPlan.id }, data: { isDefault: true } });
  },
  "accountPlan.assignToCustomer": async (rival, { acme, demoPlan }) => {
    const own = await rival.accountPlan.create({ name: "Rival special", accountType: "CENTREX_LINE", currency: "GBP", setupFee: "0", isDefault: false, bands: BRIEF_BANDS });
    for (const planId of [own.id, demoPlan.id, null]) {
      await expectTrpcError(rival.accountPlan.assignToCustomer({ tenantId: acme.tenant.id, accountType: "CENTREX_LINE", planId }), "NOT_FOUND");
    }
    expect(await db.accountPlan.count({ where: { tenantId: acme.tenant.id } })).toBe(0);
  },
  "accountPlan.getPolicy": async (rival, { partner }) => {
    await db.partner.update({ where: { id: partner.id }, data: { repriceExistingOnBandChange: true } });
    expect((await rival.accountPlan.getPolicy()).repriceExistingOnBandChange).toBe(false);
    await db.partner.update({ where: { id: partner.id }, data: { repriceExistingOnBandChange: false } });
  },
  "accountPlan.setPolicy": async (rival, { partner }) => {
    await rival.accountPlan.setPolicy({ repriceExistingOnBandChange: true, partnerId: partner.id } as Parameters<Caller["accountPlan"]["setPolicy"]>[0]);
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).repriceExistingOnBandChange).toBe(false);
  },
  "admin.billing.credit": async (rival, { acme }) => {
    const before = await balanceOf(acme.tenant.id);
    await expectTrpcError(rival.admin.billing.credit({ tenantId: acme.tenant.id, amount: "500", reason: "Free money", idempotencyKey: randomUUID() }), "NOT_FOUND");
    expect(await balanceOf(acme.tenant.id)).toBe(before);
  },
  "admin.billing.balance": async (rival, { acme }) => {
    await creditTenant(acme.tenant.id, "5");
    await expectTrpcError(rival.admin.billing.balance({ tenantId: acme.tenant.id }), "NOT_FOUND");
  },
  "admin.billing.ledger": (rival, { acme }) => expectTrpcError(rival.admin.billing.ledger({ tenantId: acme.tenant.id, page: 1 }), "NOT_FOUND"),
  "admin.billing.creditState": (rival, { acme }) => expectTrpcError(rival.admin.billing.creditState({ tenantId: acme.tenant.id }), "NOT_FOUND"),
  "admin.billing.setCreditLimit": async (rival, { acme }) => {
    const before = await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id }, select: { isPrepaid: true, creditLimit: true } });
    await expectTrpcError(rival.admin.billing.setCreditLimit({ tenantId: acme.tenant.id, isPrepaid: false, creditLimit: "5000" }), "NOT_FOUND");
    expect(await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id }, select: { isPrepaid: true, creditLimit: true } })).toEqual(before);
  },
  "admin.billing.history": (rival, { acme }) => expectTrpcError(rival.admin.billing.history({ tenantId: acme.tenant.id, page: 1 }), "NOT_FOUND"),
  "admin.billing.callsOfDay": (rival, { acme }) => expectTrpcError(rival.admin.billing.callsOfDay({ tenantId: acme.tenant.id, day: "2026-12-03", currency: "GBP" }), "NOT_FOUND"),
  "admin.billing.purchases": (rival, { acme }) => expectTrpcError(rival.admin.billing.purchases({ tenantId: acme.tenant.id }), "NOT_FOUND"),
  "admin.billing.accounts": (rival, { acme }) => expectTrpcError(rival.admin.billing.accounts({ tenantId: acme.tenant.id }), "NOT_FOUND"),
  "admin.billing.topUps": async (rival, { acme }) => {
    await seedTopUp(acme.tenant.id);
    await expectTrpcError(rival.admin.billing.topUps({ tenantId: acme.tenant.id }), "NOT_FOUND");
  },
  "admin.billing.topUpRefusals": async (rival, { acme }) => {
    const topUp = await seedTopUp(acme.tenant.id, { refusedFor: "AMOUNT_MISMATCH" });
    await seedTopUpRefusal({ topUp });
    await expectTrpcError(rival.admin.billing.topUpRefusals({ tenantId: acme.tenant.id }), "NOT_FOUND");
    // An unknown session naming Demo's customer does not reach the rival through the rival's own customer either.
    const rivalCustomer = (await rival.admin.customer.find())[0] ?? (await rival.admin.customer.create({ name: "Rival Customer 2", ...admin, adminEmail: "rival-2@test.example" }));
    const claim = await seedTopUpRefusal({ claimedTenantIds: [acme.tenant.id] });
    expect((await rival.admin.billing.topUpRefusals({ tenantId: rivalCustomer.id })).map((r) => r.id)).not.toContain(claim.id);
  },
  "didInventory.find": async (rival, { demoDid }) => {
    expect((await rival.didInventory.find({ search: demoDid.number })).items).toEqual([]);
  },
  "didInventory.create": async (rival, { partner, demoDid }) => {
    const input = { number: "+442079469001", area: "Rival", setupPrice: "0", monthlyPrice: "1", partnerId: partner.id };
    const created = await rival.didInventory.create(input as Parameters<Caller["didInventory"]["create"]>[0]);
    expect((await db.did.findUniqueOrThrow({ where: { id: created.id } })).partnerId).not.toBe(partner.id);
    await expectTrpcError(rival.didInventory.create({ number: demoDid.number, area: "Stolen", setupPrice: "0", monthlyPrice: "0" }), "CONFLICT");
    expect((await db.did.findUniqueOrThrow({ where: { id: demoDid.id } })).partnerId).toBe(partner.id);
  },
  "didInventory.update": async (rival, { demoDid }) => {
    await expectTrpcError(rival.didInventory.update({ id: demoDid.id, area: "Stolen", setupPrice: "0", monthlyPrice: "0" }), "NOT_FOUND");
    expect((await db.did.findUniqueOrThrow({ where: { id: demoDid.id } })).area).toBe("London");
  },
  "didInventory.retire": async (rival, { demoDid }) => {
    await expectTrpcError(rival.didInventory.retire({ id: demoDid.id }), "NOT_FOUND");
    expect((await db.did.findUniqueOrThrow({ where: { id: demoDid.id } })).state).toBe("AVAILABLE");
  },
  "didInventory.import": async (rival, { partner, demoDid }) => {
    const report = await rival.didInventory.import({ csv: `number,setup_price,monthly_price\n${demoDid.number},0,0`, mode: "validRowsOnly", isDryRun: false });
    expect(report).toMatchObject({ imported: 0, rejected: [{ line: 2, reason: `${demoDid.number} is already taken on this platform.` }] });
    expect((await db.did.findUniqueOrThrow({ where: { id: demoDid.id } })).partnerId).toBe(partner.id);
  },
  "didTier.find": async (rival, { demoTier }) => {
    expect((await rival.didTier.find()).tiers.map((t) => t.id)).not.toContain(demoTier.id);
  },
  "didTier.create": async (rival, { partner }) => {
    const input = { name: "Gold", rank: 3, rules: [{ kind: "repeated" as const, length: 4 }], setupPremium: "1", monthlyPremium: "0", partnerId: partner.id };
    const created = await rival.didTier.create(input as Parameters<Caller["didTier"]["create"]>[0]);
    expect((await db.didTier.findUniqueOrThrow({ where: { id: created.id } })).partnerId).not.toBe(partner.id);
  },
  "didTier.update": async (rival, { demoTier }) => {
    const input = { id: demoTier.id, name: "Stolen", rank: 7, rules: [{ kind: "repeated" as const, length: 2 }], setupPremium: "0", monthlyPremium: "0" };
    await expectTrpcError(rival.didTier.update(input), "NOT_FOUND");
    expect((await db.didTier.findUniqueOrThrow({ where: { id: demoTier.id } })).name).toBe("Gold");
  },
  "didTier.delete": async (rival, { demoTier }) => {
    await expectTrpcError(rival.didTier.delete({ id: demoTier.id }), "NOT_FOUND");
    expect(await db.didTier.count({ where: { id: demoTier.id } })).toBe(1);
  },
  "didPrice.find": async (rival) => {
    expect((await rival.didPrice.find()).prices.map((p) => p.countryIso)).not.toContain("FR");
  },
  "didPrice.upsert": async (rival, { partner }) => {
    await rival.didPrice.upsert({ countryIso: "FR", setupPrice: "9", monthlyPrice: "9", partnerId: partner.id } as Parameters<Caller["didPrice"]["upsert"]>[0]);
    const demoFr = await db.didPrice.findUniqueOrThrow({ where: { partnerId_countryIso: { partnerId: partner.id, countryIso: "FR" } } });
    expect(demoFr.setupPrice.toString()).toBe("1");
    await db.didPrice.deleteMany({ where: { countryIso: "FR", partnerId: { not: partner.id } } });
  },
  "didPrice.delete": async (rival, { partner }) => {
    await expectTrpcError(rival.didPrice.delete({ countryIso: "FR" }), "NOT_FOUND");
    expect(await db.didPrice.count({ where: { partnerId: partner.id, countryIso: "FR" } })).toBe(1);
  },
  "sms.outbox": async (rival, { partner, acme }) => {
    const theirs = await db.smsMessage.create({ data: { partnerId: partner.id, tenantId: acme.tenant.id, to: "+447400999001", body: "Demo's code 123456", channel: "outbox", status: "OUTBOX" } });
    expect((await rival.sms.outbox({ page: 1 })).items.map((m) => m.id)).not.toContain(theirs.id);
  },
  "sms.gateway.get": async (rival, { partner }) => {
    await demoGateway(partner.id);
    expect(await rival.sms.gateway.get()).toBeNull();
  },
  "sms.gateway.remove": async (rival, { partner }) => {
    await demoGateway(partner.id);
    await expectTrpcError(rival.sms.gateway.remove(), "NOT_FOUND");
    expect(await db.smsGateway.count({ where: { partnerId: partner.id } })).toBe(1);
  },
  "sms.gateway.set": async (rival, { partner }) => {
    const demo = await demoGateway(partner.id);
    const input = { baseUrl: "https://api.twilio.com", accountSid: `AC${"f".repeat(32)}`, authToken: "rival-token-0000", fromNumber: "+15005550001", partnerId: partner.id };
    await rival.sms.gateway.set(input as Parameters<Caller["sms"]["gateway"]["set"]>[0]);
    expect(await db.smsGateway.findUniqueOrThrow({ where: { partnerId: partner.id } })).toEqual(demo);
  },
  "sms.policy.get": async (rival, { partner }) => {
    await db.partner.update({ where: { id: partner.id }, data: { allowUnverifiedMobileCli: true } });
    expect(await rival.sms.policy.get()).toEqual({ allowUnverifiedMobileCli: false });
    await db.partner.update({ where: { id: partner.id }, data: { allowUnverifiedMobileCli: false } });
  },
  "sms.policy.set": async (rival, { partner }) => {
    await rival.sms.policy.set({ allowUnverifiedMobileCli: true, partnerId: partner.id } as Parameters<Caller["sms"]["policy"]["set"]>[0]);
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).allowUnverifiedMobileCli).toBe(false);
  },
  ...API_KEY_PARTNER_CASES,
};

/** Demo's Twilio gateway, made once (the cases are about the rival reaching it). */
async function demoGateway(partnerId: string) {
  const existing = await db.smsGateway.findUnique({ where: { partnerId } });
  return existing ?? db.smsGateway.create({ data: { partnerId, baseUrl: "https://api.twilio.com", accountSid: `AC${"0".repeat(32)}`, authTokenSealed: seal("demo-token-1234"), fromNumber: "+15005550006" } });
}

describe("[TENANCY] cross-partner access", () => {
  let world: World;
  let rival: Caller;
  beforeAll(async () => {
    const base = await seedTwoTenants();
    const demoTariff = await db.tariff.create({ data: { partnerId: base.partner.id, name: "Demo standard", isDefault: true } });
    const demoRate = await db.tariffRate.create({ data: { tariffId: demoTariff.id, prefix: "44", ratePerMinute: "0.01" } });
    const demoPlan = await seedAccountPlan(base.partner.id, { isDefault: true });
    const demoDid = await db.did.create({ data: { partnerId: base.partner.id, number: "+442079469000", area: "London" } });
    const demoTier = await db.didTier.create({ data: { partnerId: base.partner.id, name: "Gold", rank: 3, rules: [{ kind: "roundEnding", zeros: 3 }] } });
    await db.didPrice.create({ data: { partnerId: base.partner.id, countryIso: "FR", setupPrice: "1", monthlyPrice: "1", currency: "GBP" } });
    world = { ...base, demoTariff, demoRate, demoPlan, demoDid, demoTier };
    rival = await callerFor((await seedPartner("Rival Telecom")).admin.id);
  });

  it("has a cross-partner case for every partner-scoped procedure", () => {
    const paths = listProcedures().filter((p) => p.scope === "partnerAdmin").map((p) => p.path);
    expect(paths.filter((path) => !CASES[path])).toEqual([]);
  });

  for (const [path, run] of Object.entries(CASES)) {
    it(`${path}: a rival partner cannot reach Demo's customers`, () => run(rival, world));
  }
});
