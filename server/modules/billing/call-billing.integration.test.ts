/**
 * Issue 13 in the portal: the billing history with calls grouped per day, the customer's
 * available credit and its "why", and the partner's credit-limit control (roles, audit,
 * validation).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { balanceOf, creditTenant } from "@/tests/fixtures/seed-billing";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { OUT_OF_CREDIT_NOTICE } from "./credit-rule";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

/** A call debit at a moment, as the CDR writer leaves it. */
const callDebit = (tenantId: string, at: string, amount: string, n: number) =>
  db.ledgerEntry.create({ data: { tenantId, kind: "CALL", amount, currency: "GBP", description: `Call ${n}`, reference: `cdr-${n}`, idempotencyKey: `call:${tenantId}-${n}`, createdAt: new Date(at) } });

describe("[BILLING] call billing in the portal", () => {
  let world: World;
  beforeAll(async () => {
    world = await seedTwoTenants();
  });

  it("groups calls per local day, keeps other entries as they are, and adds up to the balance", async () => {
    const tenantId = world.acme.tenant.id;
    await db.tenant.update({ where: { id: tenantId }, data: { timeZone: "America/New_York" } });
    const credit = await creditTenant(tenantId, "20");
    // 3 Dec in New York: 04:00Z on the 4th is still 23:00 on the 3rd there.
    await callDebit(tenantId, "2026-12-03T15:00:00Z", "-1.00", 1);
    await callDebit(tenantId, "2026-12-03T20:00:00Z", "-1.17", 2);
    await callDebit(tenantId, "2026-12-04T04:00:00Z", "-1.00", 3);
    await callDebit(tenantId, "2026-12-04T15:00:00Z", "-0.50", 4);
    const admin = await callerFor(world.acme.admin.id);
    const history = await admin.billing.history({ page: 1 });
    const days = history.items.filter((r) => r.callDay !== null);
    expect(days.map((r) => [r.callDay, r.amount, r.description])).toEqual([
      [{ day: "2026-12-04", calls: 1 }, "-0.5", "Calls on 4 Dec: 1 call, £0.50"],
      [{ day: "2026-12-03", calls: 3 }, "-3.17", "Calls on 3 Dec: 3 calls, £3.17"],
    ]);
    expect(history.items.find((r) => r.id === credit.id)).toMatchObject({ kind: "CREDIT_MANUAL", amount: "20", callDay: null });
    expect(history.total).toBe(3);
    const sum = history.items.reduce((acc, r) => acc + Number(r.amount), 0);
    expect(sum.toFixed(2)).toBe(Number(await balanceOf(tenantId)).toFixed(2));

    const day = await admin.billing.callsOfDay({ day: "2026-12-03", currency: "GBP" });
    expect(day.total).toBe(3);
    expect(day.items.map((e) => e.description)).toEqual(["Call 3", "Call 2", "Call 1"]);
    expect((await admin.billing.callsOfDay({ day: "2026-12-05", currency: "GBP" })).items).toEqual([]);
    await expect(admin.billing.callsOfDay({ day: "2026-02-30", currency: "GBP" })).rejects.toThrow(TRPCError);
  });

  it("shows the customer its available credit and, when used up, why calls are stopped", async () => {
    const { tenant, admin: adminUser } = world.globex;
    await db.tenant.update({ where: { id: tenant.id }, data: { isPrepaid: true } });
    const admin = await callerFor(adminUser.id);
    expect(await admin.billing.credit()).toMatchObject({ isPrepaid: true, balance: "0", creditLimit: "0", available: "0", isOutOfCredit: true, notice: OUT_OF_CREDIT_NOTICE });

    const partner = await callerFor(world.partnerAdmin.id);
    const set = await partner.admin.billing.setCreditLimit({ tenantId: tenant.id, isPrepaid: true, creditLimit: "25.50" });
    expect(set).toMatchObject({ creditLimit: "25.5", available: "25.5", isOutOfCredit: false, notice: null });
    expect(await admin.billing.credit()).toMatchObject({ available: "25.5", isOutOfCredit: false });
    expect(await partner.admin.billing.creditState({ tenantId: tenant.id })).toMatchObject({ creditLimit: "25.5" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: "billing.setCredit" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ before: { isPrepaid: true, creditLimit: "0" }, after: { isPrepaid: true, creditLimit: "25.5" }, currency: "GBP" });

    await partner.admin.billing.setCreditLimit({ tenantId: tenant.id, isPrepaid: false, creditLimit: "0" });
    expect(await admin.billing.credit()).toMatchObject({ isPrepaid: false, isOutOfCredit: false, notice: null });
  });

  it("only partner admins set credit limits: customer admins and extension users are refused, nothing changes", async () => {
    const { tenant, admin: adminUser, users } = world.acme;
    const before = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { isPrepaid: true, creditLimit: true } });
    const input = { tenantId: tenant.id, isPrepaid: false, creditLimit: "1000" };
    await expectTrpcError((await callerFor(adminUser.id)).admin.billing.setCreditLimit(input), "FORBIDDEN");
    await expectTrpcError((await callerFor(users[0]!.id)).admin.billing.setCreditLimit(input), "FORBIDDEN");
    await expectTrpcError((await callerFor(users[0]!.id)).billing.credit(), "FORBIDDEN");
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { isPrepaid: true, creditLimit: true } })).toEqual(before);
  });

  it("another partner's admin cannot read or set this customer's credit", async () => {
    const { admin: rivalAdmin } = await seedPartner();
    const rival = await callerFor(rivalAdmin.id);
    const { tenant } = world.acme;
    await expectTrpcError(rival.admin.billing.setCreditLimit({ tenantId: tenant.id, isPrepaid: false, creditLimit: "5" }), "NOT_FOUND");
    await expectTrpcError(rival.admin.billing.creditState({ tenantId: tenant.id }), "NOT_FOUND");
    await expectTrpcError(rival.admin.billing.history({ tenantId: tenant.id, page: 1 }), "NOT_FOUND");
    await expectTrpcError(rival.admin.billing.callsOfDay({ tenantId: tenant.id, day: "2026-12-03", currency: "GBP" }), "NOT_FOUND");
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "billing.setCredit" } })).toBe(0);
  });

  it.each([["-1"], ["1.234"], ["abc"], ["1000001"], [""]])("refuses the credit limit %j and writes nothing", async (creditLimit) => {
    const partner = await callerFor(world.partnerAdmin.id);
    const { tenant } = world.acme;
    const before = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { creditLimit: true } });
    await expectTrpcError(partner.admin.billing.setCreditLimit({ tenantId: tenant.id, isPrepaid: true, creditLimit }), "BAD_REQUEST");
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { creditLimit: true } })).toEqual(before);
  });
});
