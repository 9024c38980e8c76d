/**
 * Tenant isolation, enumerated: every tenant-scoped procedure in the router must have a case
 * here in which Acme's admin reaches for Globex's records and gets NOT_FOUND (or sees none).
 * A new tenant procedure without a case fails the first test.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedTwoTenants } from "../fixtures/seed-tenant";
import { expectTrpcError, listProcedures } from "../fixtures/procedures";
import { creditTenant, seedAccountPlan, seedSipAccounts, seedTopUp } from "../fixtures/seed-billing";
import { seedDid } from "../fixtures/seed-telephony";

import type { Case, Caller, World } from "./cross-tenant/case-types";
import { IVR_QUEUE_CASES } from "./cross-tenant/ivr-queues-cases";
import { MEDIA_CASES } from "./cross-tenant/media-cases";
import { CALLS_CASES } from "./cross-tenant/calls-cases";
import { REPORTS_CASES } from "./cross-tenant/reports-cases";
import { CALL_BILLING_CASES } from "./cross-tenant/call-billing-cases";
import { CALLBACK_CASES } from "./cross-tenant/callbacks-cases";

/** The partner's default line plan, created by whichever billing case needs it first. */
async function ensureLinePlan(partnerId: string) {
  const found = await db.accountPlan.findFirst({ where: { partnerId, accountType: "CENTREX_LINE", isDefault: true } });
  return found ?? seedAccountPlan(partnerId);
}

/** Globex's own purchase, made through its own admin. */
async function globexPurchase({ partner, globex }: World, idempotencyKey = randomUUID()) {
  await ensureLinePlan(partner.id);
  await creditTenant(globex.tenant.id, "100");
  return (await callerFor(globex.admin.id)).billing.purchase({ accountType: "CENTREX_LINE", quantity: 1, idempotencyKey });
}

/** A Globex extension on its own fresh line, made directly (the case is about Acme reaching it). */
async function globexExtension({ globex }: World, number: string) {
  const sip = await db.sipAccount.create({ data: { tenantId: globex.tenant.id, username: `g-${randomUUID().slice(0, 10)}`, authMd5: "0".repeat(32) } });
  return db.extension.create({ data: { tenantId: globex.tenant.id, number, displayName: `Globex ${number}`, sipAccountId: sip.id } });
}

/** A Globex hunt group, made directly. */
const globexHuntGroup = ({ globex }: World, number: string) => db.huntGroup.create({ data: { tenantId: globex.tenant.id, number, name: `Globex ${number}` } });

const CASES: Record<string, Case> = {
  ...IVR_QUEUE_CASES,
  ...MEDIA_CASES,
  ...CALLS_CASES,
  ...REPORTS_CASES,
  ...CALL_BILLING_CASES,
  ...CALLBACK_CASES,
  "user.find": async (acme, { globex }) => {
    const ids = (await acme.user.find()).map((u) => u.id);
    expect(ids).not.toContain(globex.admin.id);
    expect(ids).not.toContain(globex.users[0]!.id);
  },
  "user.get": (acme, { globex }) => expectTrpcError(acme.user.get({ id: globex.users[0]!.id }), "NOT_FOUND"),
  "user.update": async (acme, { globex }) => {
    const target = globex.users[0]!;
    await expectTrpcError(acme.user.update({ id: target.id, name: "Hijacked", email: "hijack@test.example", role: "CUSTOMER_ADMIN" }), "NOT_FOUND");
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect([after.name, after.email, after.role]).toEqual([target.name, target.email, target.role]);
  },
  "user.delete": async (acme, { globex }) => {
    await expectTrpcError(acme.user.delete({ id: globex.users[1]!.id }), "NOT_FOUND");
    expect(await db.user.count({ where: { id: globex.users[1]!.id } })).toBe(1);
  },
  "user.create": async (acme, { acme: acmeWorld, globex }) => {
    // No input can name a tenant: an extra tenantId is stripped by the schema and overwritten by the scope.
    const input = { name: "New Person", email: "new-person@test.example", role: "EXTENSION_USER", password: "Long-enough-1", tenantId: globex.tenant.id };
    const created = await acme.user.create(input as Parameters<Caller["user"]["create"]>[0]);
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).tenantId).toBe(acmeWorld.tenant.id);
  },
  "presence.find": async (acme, { acme: acmeWorld, globex }) => {
    const line = async (tenantId: string, number: string) => {
      const sip = await db.sipAccount.create({ data: { tenantId, username: `x-${tenantId.slice(-6)}-${number}`, authMd5: "0".repeat(32) } });
      await db.registration.create({ data: { sipAccountId: sip.id, tenantId, state: "REGISTERED" } });
      return db.extension.create({ data: { tenantId, number, displayName: number, sipAccountId: sip.id } });
    };
    const own = await line(acmeWorld.tenant.id, "301");
    const theirs = await line(globex.tenant.id, "302");
    const rows = await acme.presence.find();
    expect(rows.map((r) => r.id)).toContain(own.id);
    expect(rows.map((r) => r.id)).not.toContain(theirs.id);
    expect(rows.find((r) => r.id === own.id)?.registration?.state).toBe("REGISTERED");
  },
  "extension.find": async (acme, world) => {
    const theirs = await globexExtension(world, "501");
    expect((await acme.extension.find()).map((e) => e.id)).not.toContain(theirs.id);
  },
  "extension.get": async (acme, world) => expectTrpcError(acme.extension.get({ id: (await globexExtension(world, "502")).id }), "NOT_FOUND"),
  "extension.formOptions": async (acme, { globex }) => {
    await seedDid(globex.tenant.id, "+442079990001");
    const options = await acme.extension.formOptions();
    expect(options.dids).not.toContain("+442079990001");
    await db.verifiedMobile.create({ data: { tenantId: globex.tenant.id, number: "+447400888000", verifiedAt: new Date() } });
    expect((await acme.extension.formOptions()).mobiles).not.toContain("+447400888000");
    expect(options.users.map((u) => u.id)).not.toContain(globex.admin.id);
  },
  "extension.create": async (acme, { globex }) => {
    // Globex's unused line cannot carry an Acme extension.
    const sip = await db.sipAccount.create({ data: { tenantId: globex.tenant.id, username: `g-${randomUUID().slice(0, 10)}`, authMd5: "0".repeat(32) } });
    const input = { sipAccountId: sip.id, number: "503", displayName: "Stolen", ownerUserId: "", voicemailEnabled: false, voicemailPin: "", outboundCli: "" };
    await expectTrpcError(acme.extension.create(input), "NOT_FOUND");
    expect(await db.extension.count({ where: { sipAccountId: sip.id } })).toBe(0);
    expect((await db.sipAccount.findUniqueOrThrow({ where: { id: sip.id } })).authMd5).toBe("0".repeat(32));
  },
  "extension.update": async (acme, world) => {
    const theirs = await globexExtension(world, "504");
    const input = { id: theirs.id, number: "504", displayName: "Hijacked", ownerUserId: "", voicemailEnabled: false, voicemailPin: "", outboundCli: "" };
    await expectTrpcError(acme.extension.update(input), "NOT_FOUND");
    expect((await db.extension.findUniqueOrThrow({ where: { id: theirs.id } })).displayName).toBe("Globex 504");
  },
  "extension.delete": async (acme, world) => {
    const theirs = await globexExtension(world, "505");
    await expectTrpcError(acme.extension.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.extension.count({ where: { id: theirs.id } })).toBe(1);
  },
  "extension.regenerateCredentials": async (acme, world) => {
    const theirs = await globexExtension(world, "506");
    await expectTrpcError(acme.extension.regenerateCredentials({ id: theirs.id }), "NOT_FOUND");
    expect((await db.sipAccount.findUniqueOrThrow({ where: { id: theirs.sipAccountId! } })).authMd5).toBe("0".repeat(32));
  },
  "sipAccount.findUnused": async (acme, { globex }) => {
    const sip = await db.sipAccount.create({ data: { tenantId: globex.tenant.id, username: `g-${randomUUID().slice(0, 10)}`, authMd5: "0".repeat(32) } });
    expect((await acme.sipAccount.findUnused()).map((a) => a.id)).not.toContain(sip.id);
  },
  "auditLog.find": async (acme, { globex }) => {
    await (await callerFor(globex.admin.id)).user.create({ name: "Globex Hire", email: "globex-hire@test.example", role: "EXTENSION_USER", password: "Long-enough-1" });
    expect(await db.auditLog.count({ where: { tenantId: globex.tenant.id } })).toBeGreaterThan(0);
    const page = await acme.auditLog.find({});
    expect(page.items.every((row) => row.tenantId !== globex.tenant.id)).toBe(true);
  },
  "billing.balance": async (acme, { acme: acmeWorld, globex }) => {
    await creditTenant(globex.tenant.id, "1000");
    const own = await db.ledgerEntry.aggregate({ where: { tenantId: acmeWorld.tenant.id, currency: "GBP" }, _sum: { amount: true } });
    expect((await acme.billing.balance())[0]).toEqual({ currency: "GBP", amount: (own._sum.amount ?? 0).toString() });
  },
  "billing.ledger": async (acme, { globex }) => {
    const theirs = await creditTenant(globex.tenant.id, "7");
    expect((await acme.billing.ledger({ page: 1 })).items.map((e) => e.id)).not.toContain(theirs.id);
  },
  "billing.purchases": async (acme, world) => {
    const theirs = await globexPurchase(world);
    expect((await acme.billing.purchases()).map((p) => p.id)).not.toContain(theirs.purchase.id);
  },
  "billing.accounts": async (acme, world) => {
    const theirs = await globexPurchase(world);
    const ids = (await acme.billing.accounts()).map((a) => a.id);
    for (const account of theirs.accounts) expect(ids).not.toContain(account.id);
  },
  "billing.quote": async (acme, { partner, acme: acmeWorld, globex }) => {
    await ensureLinePlan(partner.id);
    // Globex's 12 lines must not push Acme into a cheaper band.
    await seedSipAccounts(globex.tenant.id, 12);
    const acmeLines = await db.sipAccount.count({ where: { tenantId: acmeWorld.tenant.id, type: "CENTREX_LINE" } });
    expect(acmeLines).toBeLessThan(5);
    expect((await acme.billing.quote({ accountType: "CENTREX_LINE", quantity: 1 })).unitPrice).toBe("5.99");
  },
  "billing.purchase": async (acme, world) => {
    // Globex's idempotency key does not hand Acme Globex's purchase: keys are per tenant.
    const key = randomUUID();
    const theirs = await globexPurchase(world, key);
    await creditTenant(world.acme.tenant.id, "100");
    const mine = await acme.billing.purchase({ accountType: "CENTREX_LINE", quantity: 1, idempotencyKey: key });
    expect(mine.purchase.id).not.toBe(theirs.purchase.id);
    expect((await db.purchase.findUniqueOrThrow({ where: { id: mine.purchase.id } })).tenantId).toBe(world.acme.tenant.id);
    expect(await db.sipAccount.count({ where: { purchaseId: theirs.purchase.id, tenantId: world.globex.tenant.id } })).toBe(1);
  },
  "billing.topUp": async (acme, { globex }) => {
    // No input names a tenant (an extra tenantId is stripped); without Stripe keys nothing happens at all.
    const input = { amount: "20", tenantId: globex.tenant.id } as Parameters<Caller["billing"]["topUp"]>[0];
    await expectTrpcError(acme.billing.topUp(input), "FORBIDDEN");
  },
  "billing.topUps": async (acme, { acme: acmeWorld, globex }) => {
    const [own, theirs, theirsRefused] = [await seedTopUp(acmeWorld.tenant.id), await seedTopUp(globex.tenant.id), await seedTopUp(globex.tenant.id, { refusedFor: "CURRENCY_MISMATCH" })];
    const ids = (await acme.billing.topUps()).map((t) => t.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(theirsRefused.id);
  },
  "home.admin": async (acme, { globex }) => {
    // Globex's spare priced lines, money and calls change nothing in Acme's figures.
    const before = await acme.home.admin();
    await seedSipAccounts(globex.tenant.id, 3, { monthlyPrice: "7.77" });
    await creditTenant(globex.tenant.id, "500");
    await db.callRecord.create({ data: { tenantId: globex.tenant.id, channelId: `g-${randomUUID()}`, direction: "INBOUND", callerNumber: "+441", calledNumber: "+442", startedAt: new Date(), endedAt: new Date(), disposition: "ANSWERED" } });
    await db.user.create({ data: { tenantId: globex.tenant.id, name: "Globex extra", email: `globex-${randomUUID()}@test.example`, passwordHash: "x", role: "CUSTOMER_ADMIN" } });
    expect(await acme.home.admin()).toEqual(before);
  },
  "callerId.find": async (acme, { globex }) => {
    const theirs = await db.verifiedMobile.create({ data: { tenantId: globex.tenant.id, number: "+447400888001", verifiedAt: new Date() } });
    expect((await acme.callerId.find()).mobiles.map((m) => m.id)).not.toContain(theirs.id);
  },
  "callerId.sendCode": async (acme, { acme: acmeWorld }) => {
    // No input names a tenant: the code request is Acme's, bound to Acme's admin.
    const input = { number: "+447400888002", tenantId: "other" } as Parameters<Caller["callerId"]["sendCode"]>[0];
    const { verificationId } = await acme.callerId.sendCode(input);
    expect(await db.mobileVerification.findUniqueOrThrow({ where: { id: verificationId } })).toMatchObject({ tenantId: acmeWorld.tenant.id, userId: acmeWorld.admin.id });
  },
  "callerId.verifyCode": async (acme, { globex }) => {
    const number = "+447400888003";
    const { verificationId } = await (await callerFor(globex.admin.id)).callerId.sendCode({ number });
    const code = /(\d{6})/.exec((await db.smsMessage.findFirstOrThrow({ where: { to: number } })).body)![1]!;
    await expectTrpcError(acme.callerId.verifyCode({ verificationId, code }), "NOT_FOUND");
    expect((await db.mobileVerification.findUniqueOrThrow({ where: { id: verificationId } })).attempts).toBe(0);
    expect(await db.verifiedMobile.count({ where: { number } })).toBe(0);
  },
  "callerId.addUnverified": async (acme, { partner, acme: acmeWorld, globex }) => {
    // Globex's proof of a number proves nothing for Acme: Acme's row is its own, unverified.
    const number = "+447400888004";
    const theirs = await db.verifiedMobile.create({ data: { tenantId: globex.tenant.id, number, verifiedAt: new Date() } });
    await db.partner.update({ where: { id: partner.id }, data: { allowUnverifiedMobileCli: true } });
    try {
      const added = await acme.callerId.addUnverified({ number });
      expect(await db.verifiedMobile.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ tenantId: acmeWorld.tenant.id, verifiedAt: null });
      expect(await db.verifiedMobile.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ tenantId: globex.tenant.id, verifiedAt: expect.any(Date) });
    } finally {
      await db.partner.update({ where: { id: partner.id }, data: { allowUnverifiedMobileCli: false } });
    }
  },
  "callerId.remove": async (acme, { globex }) => {
    const theirs = await db.verifiedMobile.create({ data: { tenantId: globex.tenant.id, number: "+447400888005", verifiedAt: new Date() } });
    await expectTrpcError(acme.callerId.remove({ id: theirs.id }), "NOT_FOUND");
    expect(await db.verifiedMobile.count({ where: { id: theirs.id } })).toBe(1);
  },
  "numbers.find": async (acme, { globex }) => {
    const theirs = await seedDid(globex.tenant.id, "+442079990011");
    expect((await acme.numbers.find()).map((n) => n.id)).not.toContain(theirs.id);
  },
  "numbers.destinations": async (acme, world) => {
    const theirs = await globexExtension(world, "508");
    const values = (await acme.numbers.destinations()).groups.flatMap((g) => g.options.map((o) => o.value));
    expect(values).not.toContain(theirs.id);
  },
  "numbers.setDestination": async (acme, world) => {
    // Globex's number cannot be re-routed, and Acme's cannot be pointed at Globex's extension.
    const theirExtension = await globexExtension(world, "509");
    const theirs = await seedDid(world.globex.tenant.id, "+442079990012", theirExtension.id);
    await expectTrpcError(acme.numbers.setDestination({ didId: theirs.id, destination: { kind: "none" } }), "NOT_FOUND");
    expect((await db.did.findUniqueOrThrow({ where: { id: theirs.id } })).targetExtensionId).toBe(theirExtension.id);
    const own = await seedDid(world.acme.tenant.id, "+442079990013");
    await expectTrpcError(acme.numbers.setDestination({ didId: own.id, destination: { kind: "extension", extensionId: theirExtension.id } }), "NOT_FOUND");
    expect((await db.did.findUniqueOrThrow({ where: { id: own.id } })).targetType).toBeNull();
  },
  "forwarding.find": async (acme, world) => expectTrpcError(acme.forwarding.find({ extensionId: (await globexExtension(world, "520")).id }), "NOT_FOUND"),
  "forwarding.destinations": async (acme, world) => {
    const theirs = await globexExtension(world, "521");
    await expectTrpcError(acme.forwarding.destinations({ extensionId: theirs.id }), "NOT_FOUND");
    const own = await db.extension.create({ data: { tenantId: world.acme.tenant.id, number: "522", displayName: "Acme 522" } });
    const theirGroup = await globexHuntGroup(world, "622");
    const values = (await acme.forwarding.destinations({ extensionId: own.id })).groups.flatMap((g) => g.options.map((o) => o.value));
    expect(values).not.toContain(theirs.id);
    expect(values).not.toContain(theirGroup.id);
  },
  "forwarding.save": async (acme, world) => {
    // Globex's extension cannot be configured, and Acme's cannot forward to Globex's.
    const theirs = await globexExtension(world, "523");
    const input = { extensionId: theirs.id, doNotDisturb: true, forwardAlways: null, forwardBusy: null, forwardNoAnswer: null, followMe: { isEnabled: false, strategy: "sequential" as const, ringSelfFirstSec: null, steps: [] } };
    await expectTrpcError(acme.forwarding.save(input), "NOT_FOUND");
    expect((await db.extension.findUniqueOrThrow({ where: { id: theirs.id } })).doNotDisturb).toBe(false);
    const own = await db.extension.create({ data: { tenantId: world.acme.tenant.id, number: "524", displayName: "Acme 524" } });
    const step = { destination: { kind: "extension" as const, extensionId: theirs.id }, ringSec: 20, confirm: false, activePeriod: null };
    await expectTrpcError(acme.forwarding.save({ ...input, extensionId: own.id, followMe: { ...input.followMe, isEnabled: true, steps: [step] } }), "NOT_FOUND");
    expect(await db.followMeStep.count({ where: { extensionId: own.id } })).toBe(0);
  },
  "forwarding.setDoNotDisturb": async (acme, world) => {
    const theirs = await globexExtension(world, "525");
    await expectTrpcError(acme.forwarding.setDoNotDisturb({ extensionId: theirs.id, doNotDisturb: true }), "NOT_FOUND");
    expect((await db.extension.findUniqueOrThrow({ where: { id: theirs.id } })).doNotDisturb).toBe(false);
  },
  "huntGroups.list": async (acme, world) => {
    const theirs = await globexHuntGroup(world, "630");
    expect((await acme.huntGroups.list()).map((g) => g.id)).not.toContain(theirs.id);
  },
  "huntGroups.find": async (acme, world) => expectTrpcError(acme.huntGroups.find({ id: (await globexHuntGroup(world, "631")).id }), "NOT_FOUND"),
  "huntGroups.memberOptions": async (acme, world) => {
    const theirs = await globexExtension(world, "532");
    expect((await acme.huntGroups.memberOptions()).map((o) => o.id)).not.toContain(theirs.id);
  },
  "huntGroups.create": async (acme, world) => {
    // Globex's extension cannot be a member, nor Globex's group the overflow; Globex's number 633 does not block Acme's.
    const theirs = await globexExtension(world, "533");
    const theirGroup = await globexHuntGroup(world, "633");
    const input = { name: "Stolen", number: "633", strategy: "ringAll" as const, leastUsedBy: "answeredToday" as const, ringSec: 60, allowCallWaiting: false, overflow: null, members: [{ extensionId: theirs.id, ringSec: 20 }] };
    await expectTrpcError(acme.huntGroups.create(input), "NOT_FOUND");
    await expectTrpcError(acme.huntGroups.create({ ...input, members: [], overflow: { kind: "huntGroup", huntGroupId: theirGroup.id } }), "NOT_FOUND");
    expect(await db.huntGroup.count({ where: { tenantId: world.acme.tenant.id, number: "633" } })).toBe(0);
    const created = await acme.huntGroups.create({ ...input, members: [] });
    expect((await db.huntGroup.findUniqueOrThrow({ where: { id: created.id } })).tenantId).toBe(world.acme.tenant.id);
  },
  "huntGroups.update": async (acme, world) => {
    const theirs = await globexHuntGroup(world, "634");
    const input = { id: theirs.id, name: "Hijacked", number: "634", strategy: "ringAll" as const, leastUsedBy: "answeredToday" as const, ringSec: 60, allowCallWaiting: false, overflow: null, members: [] };
    await expectTrpcError(acme.huntGroups.update(input), "NOT_FOUND");
    expect((await db.huntGroup.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Globex 634");
  },
  "huntGroups.delete": async (acme, world) => {
    const theirs = await globexHuntGroup(world, "635");
    await expectTrpcError(acme.huntGroups.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.huntGroup.count({ where: { id: theirs.id } })).toBe(1);
  },
  "home.mine": async (acme, world) => {
    // Only the caller's own extensions appear, never another company's.
    const theirs = await globexExtension(world, "507");
    expect((await acme.home.mine()).extensions.map((e) => e.id)).not.toContain(theirs.id);
  },
  "numberShop.search": async (acme, { partner, globex }) => {
    // Both companies shop from one partner's stock; Globex's own numbers are not on sale to Acme.
    await db.did.create({ data: { partnerId: partner.id, number: "+442079460100", countryIso: "GB" } });
    await seedDid(globex.tenant.id, "+442079460101");
    const offered = (await acme.numberShop.search({ countryIso: "GB", digits: "946010" })).offers.map((o) => o.number);
    expect(offered).toContain("+442079460100");
    expect(offered).not.toContain("+442079460101");
  },
  "numberShop.buy": async (acme, { globex }) => {
    await seedDid(globex.tenant.id, "+442079460102");
    await expectTrpcError(acme.numberShop.buy({ number: "+442079460102", expectedSetupFee: "0", expectedMonthlyFee: "0", idempotencyKey: randomUUID() }), "CONFLICT");
    expect(await db.did.findUniqueOrThrow({ where: { number: "+442079460102" } })).toMatchObject({ tenantId: globex.tenant.id, state: "ASSIGNED" });
  },
  "numberShop.cancel": async (acme, { globex }) => {
    const theirs = await seedDid(globex.tenant.id, "+442079460103");
    await expectTrpcError(acme.numberShop.cancel({ didId: theirs.id }), "NOT_FOUND");
    expect(await db.did.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ tenantId: globex.tenant.id, state: "ASSIGNED" });
  },
  "callRules.list": async (acme, world) => {
    const theirs = await seedDid(world.globex.tenant.id, "+442079990021");
    await expectTrpcError(acme.callRules.list({ owner: { didId: theirs.id } }), "NOT_FOUND");
    await expectTrpcError(acme.callRules.list({ owner: { extensionId: (await globexExtension(world, "541")).id } }), "NOT_FOUND");
  },
  "callRules.save": async (acme, world) => {
    // Globex's extension keeps its rules, and Acme's own number cannot forward to it.
    const theirs = await globexExtension(world, "542");
    await db.callRule.create({ data: { tenantId: world.globex.tenant.id, extensionId: theirs.id, position: 0, name: "Theirs", action: { kind: "ringNormally" } } });
    await expectTrpcError(acme.callRules.save({ owner: { extensionId: theirs.id }, rules: [] }), "NOT_FOUND");
    expect(await db.callRule.count({ where: { extensionId: theirs.id } })).toBe(1);
    const own = await seedDid(world.acme.tenant.id, "+442079990022");
    const rule = { name: "Steal", isEnabled: true, period: null, callerFilter: null, dialledFilter: null, action: { kind: "forward" as const, destination: { kind: "extension" as const, extensionId: theirs.id } } };
    await expectTrpcError(acme.callRules.save({ owner: { didId: own.id }, rules: [rule] }), "NOT_FOUND");
    expect(await db.callRule.count({ where: { didId: own.id } })).toBe(0);
  },
  "callRules.destinations": async (acme, world) => {
    const theirs = await globexExtension(world, "543");
    const group = await db.huntGroup.create({ data: { tenantId: world.globex.tenant.id, number: "690", name: "Globex sales" } });
    const offered = JSON.stringify(await acme.callRules.destinations());
    expect(offered).not.toContain(theirs.id);
    expect(offered).not.toContain(group.id);
  },
  "holidays.list": async (acme, { globex }) => {
    const theirs = await db.holiday.create({ data: { tenantId: globex.tenant.id, date: new Date("2031-01-01"), name: "Globex day" } });
    expect((await acme.holidays.list()).map((h) => h.id)).not.toContain(theirs.id);
  },
  "holidays.add": async (acme, { acme: acmeWorld, globex }) => {
    // Globex having the day off does not make it Acme's (dates are unique per company).
    await db.holiday.create({ data: { tenantId: globex.tenant.id, date: new Date("2031-01-02"), name: "Globex only" } });
    const added = await acme.holidays.add({ date: "2031-01-02", name: "Acme too" });
    expect((await db.holiday.findUniqueOrThrow({ where: { id: added.id } })).tenantId).toBe(acmeWorld.tenant.id);
  },
  "holidays.remove": async (acme, { globex }) => {
    const theirs = await db.holiday.create({ data: { tenantId: globex.tenant.id, date: new Date("2031-01-03"), name: "Globex keeps" } });
    await expectTrpcError(acme.holidays.remove({ id: theirs.id }), "NOT_FOUND");
    expect(await db.holiday.count({ where: { id: theirs.id } })).toBe(1);
  },
  "routing.whatIf": async (acme, world) => {
    const theirs = await seedDid(world.globex.tenant.id, "+442079990031");
    await expectTrpcError(acme.routing.whatIf({ entry: { didId: theirs.id }, caller: "+12125550100", at: "2027-03-01T10:00" }), "NOT_FOUND");
    const group = await db.huntGroup.create({ data: { tenantId: world.globex.tenant.id, number: "691", name: "Globex support" } });
    await expectTrpcError(acme.routing.whatIf({ entry: { huntGroupId: group.id }, caller: "+12125550100", at: "2027-03-01T10:00" }), "NOT_FOUND");
    // Acme's own number asked about with Globex's extension number as the caller: an outside call, not Globex's extension.
    const own = await seedDid(world.acme.tenant.id, "+442079990032");
    const answer = await acme.routing.whatIf({ entry: { didId: own.id }, caller: "+442079990031", at: "2027-03-01T10:00" });
    expect(JSON.stringify(answer)).not.toContain(world.globex.tenant.id);
  },
  "routing.callFlow": async (acme, world) => {
    await expectTrpcError(acme.routing.callFlow({ entry: { extensionId: (await globexExtension(world, "551")).id } }), "NOT_FOUND");
    const own = await seedDid(world.acme.tenant.id, "+442079990033");
    const theirs = await seedDid(world.globex.tenant.id, "+442079990034");
    const { didIds } = await acme.routing.callFlow({ entry: { didId: own.id } });
    expect(Object.values(didIds)).toContain(own.id);
    expect(Object.values(didIds)).not.toContain(theirs.id);
  },
};

describe("[TENANCY] cross-tenant access", () => {
  let world: World;
  let acmeAdmin: Caller;
  beforeAll(async () => {
    world = await seedTwoTenants();
    acmeAdmin = await callerFor(world.acme.admin.id);
  });

  const tenantProcedures = listProcedures().filter((p) => p.scope === "tenant" || p.scope === "tenantAdmin");

  it("has a cross-tenant case for every tenant-scoped procedure", () => {
    expect(tenantProcedures.length).toBeGreaterThan(0);
    const missing = tenantProcedures.map((p) => p.path).filter((path) => !CASES[path]);
    expect(missing, `add cross-tenant cases for: ${missing.join(", ")}`).toEqual([]);
  });

  for (const [path, run] of Object.entries(CASES)) {
    it(`${path}: Acme's admin cannot reach Globex's records`, () => run(acmeAdmin, world));
  }
});
