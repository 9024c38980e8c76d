import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { tenantDb } from "@/server/tenancy";
import { callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { creditTenant, seedSipAccounts } from "@/tests/fixtures/seed-billing";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedDid } from "@/tests/fixtures/seed-telephony";
import { getAdminHome, getMyHome } from "./service";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;

const call = (tenantId: string, startedAt: string, extensionId: string | null = null) =>
  db.callRecord.create({
    data: { tenantId, channelId: `c-${randomUUID()}`, direction: "INBOUND", callerNumber: "+441130000000", calledNumber: "+442070000000", extensionId, startedAt: new Date(startedAt), endedAt: new Date(startedAt), disposition: "ANSWERED" },
  });

describe("home page figures", () => {
  let world: World;
  beforeAll(async () => {
    world = await seedTwoTenants();
  });

  it("gives the admin the balance, next month's charge per currency, spare lines, people and today's calls in the company's zone", async () => {
    const tenantId = world.acme.tenant.id;
    await creditTenant(tenantId, "12.50");
    const [line] = await seedSipAccounts(tenantId, 3, { monthlyPrice: "4.99" });
    await seedSipAccounts(tenantId, 1, { monthlyPrice: null }); // not billed
    await db.sipAccount.update({ where: { id: line!.id }, data: { priceCurrency: "EUR", monthlyPrice: "3.5" } });
    await db.extension.create({ data: { tenantId, number: "201", displayName: "Front desk", sipAccountId: line!.id } });
    // A bought number is charged monthly too; a cancelled one is not.
    for (const [status, monthlyFee] of [["COMPLETED", "6.5"], ["CANCELLED", "100"]] as const) {
      await db.numberPurchase.create({ data: { tenantId, number: `+44207946${status.length}00`, setupFee: "0", monthlyFee, currency: "GBP", source: "INVENTORY", idempotencyKey: status, status } });
    }
    // 2 Dec in Sydney began at 13:00 UTC on 1 Dec: the 12:59 call was yesterday there.
    await call(tenantId, "2026-12-01T12:59:00Z");
    await call(tenantId, "2026-12-01T13:00:00Z");
    await call(tenantId, "2026-12-01T23:00:00Z");

    const home = await getAdminHome({ tenantId, db: tenantDb(tenantId) }, { now: new Date("2026-12-01T23:30:00Z"), timeZone: "Australia/Sydney" });
    expect(home).toEqual({
      balance: { currency: "GBP", amount: "12.5" },
      nextCharge: {
        on: new Date("2027-01-01T00:00:00Z"),
        totals: [
          { currency: "EUR", amount: "3.5", accounts: 1, numbers: 0 },
          { currency: "GBP", amount: "16.48", accounts: 2, numbers: 1 },
        ],
      },
      unusedAccounts: 3, // two priced ones and the unbilled one; the EUR line has an extension
      users: { total: 3, admins: 1 },
      callsToday: 2,
    });
    // In London it is still 1 Dec, which began at midnight UTC: all three calls are today's.
    expect((await getAdminHome({ tenantId, db: tenantDb(tenantId) }, { now: new Date("2026-12-01T23:30:00Z"), timeZone: "Europe/London" })).callsToday).toBe(3);
  });

  it("gives anyone their own extensions, the caller ID callers see and today's calls on them", async () => {
    const tenantId = world.globex.tenant.id;
    const me = world.globex.users[0]!;
    const [mine, someoneElses, second] = await seedSipAccounts(tenantId, 3);
    await seedDid(tenantId, "+442071110000");
    const own = await db.extension.create({ data: { tenantId, number: "301", displayName: "Me", sipAccountId: mine!.id, ownerUserId: me.id } });
    await db.extension.create({ data: { tenantId, number: "302", displayName: "Me too", sipAccountId: second!.id, ownerUserId: me.id, outboundCli: "+442071110000", voicemailEnabled: false } });
    const other = await db.extension.create({ data: { tenantId, number: "303", displayName: "Other", sipAccountId: someoneElses!.id } });
    await call(tenantId, "2026-12-02T09:00:00Z", own.id);
    await call(tenantId, "2026-12-02T09:05:00Z", other.id);

    const home = await getMyHome({ tenantId, db: tenantDb(tenantId) }, { id: me.id, role: "EXTENSION_USER" }, { now: new Date("2026-12-02T10:00:00Z"), timeZone: "Europe/London" });
    expect(home).toEqual({
      extensions: [
        { id: own.id, number: "301", displayName: "Me", voicemailEnabled: true, callerId: "+442071110000", isCompanyCallerId: true },
        { id: expect.any(String), number: "302", displayName: "Me too", voicemailEnabled: false, callerId: "+442071110000", isCompanyCallerId: false },
      ],
      callsToday: 1,
    });
  });

  it("keeps the company figures from extension users", async () => {
    await expectTrpcError((await callerFor(world.acme.users[1]!.id)).home.admin(), "FORBIDDEN");
    expect((await (await callerFor(world.acme.users[1]!.id)).home.mine()).extensions).toEqual([]);
  });
});
