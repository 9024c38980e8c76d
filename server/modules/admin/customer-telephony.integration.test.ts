/**
 * The back office's read-only view of a customer's phone system: the right rows, in the
 * customer's own days, nothing secret, and nothing of anyone else's.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { CallDirection } from "@/server/generated/prisma/enums";
import { callerFor, seedPartner, seedTwoTenants, seedUser } from "@/tests/fixtures/seed-tenant";
import { seedExtensions } from "@/tests/fixtures/seed-telephony";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { getCustomerUsage } from "./customer-telephony-service";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;
type Caller = Awaited<ReturnType<typeof callerFor>>;

function call(tenantId: string, startedAt: string, opts: { direction?: CallDirection; billableSec?: number; cost?: string | null; currency?: string | null } = {}) {
  const start = new Date(startedAt);
  const billableSec = opts.billableSec ?? 60;
  return {
    tenantId, channelId: `ch-${randomUUID()}`, direction: opts.direction ?? "OUTBOUND", callerNumber: "201", calledNumber: "442071234567",
    startedAt: start, answeredAt: start, endedAt: new Date(start.getTime() + billableSec * 1000), billableSec,
    disposition: "ANSWERED" as const, cost: opts.cost === undefined ? "0.01" : opts.cost, currency: opts.currency === undefined ? "GBP" : opts.currency,
  };
}

describe("[ADMIN] a partner's read-only view of a customer's phone system", () => {
  let world: World;
  let partner: Caller;
  let rival: Caller;
  beforeAll(async () => {
    world = await seedTwoTenants();
    partner = await callerFor(world.partnerAdmin.id);
    rival = await callerFor((await seedPartner("Rival Telecom")).admin.id);
  });

  it("lists the customer's extensions with user, SIP username, caller ID, line and call, and no secrets", async () => {
    const [ext201, ext202] = await seedExtensions(world.acme.tenant.id, 2);
    await seedExtensions(world.globex.tenant.id, 1, { firstNumber: 301 });
    const bob = world.acme.users[0]!;
    await db.extension.update({ where: { id: ext201!.id }, data: { ownerUserId: bob.id, outboundCli: "+442071230000", voicemailPinHash: "argon2-pin-hash" } });
    await db.registration.create({ data: { sipAccountId: ext201!.sipAccountId, tenantId: world.acme.tenant.id, state: "REGISTERED", userAgent: "Yealink T54W", address: "203.0.113.7:5060" } });
    const since = new Date(Date.now() - 30_000);
    await db.extensionCallState.create({ data: { extensionId: ext201!.id, tenantId: world.acme.tenant.id, state: "IN_CALL", peer: "202", since, channelId: "ch-secret-ish" } });

    const rows = await partner.admin.customer.extensions({ id: world.acme.tenant.id });
    expect(rows.map((r) => r.number)).toEqual(["201", "202"]);
    expect(rows[0]).toMatchObject({
      id: ext201!.id, displayName: "User 201", outboundCli: "+442071230000", sipUsername: ext201!.username,
      owner: { id: bob.id, name: bob.name, email: bob.email },
      registration: { state: "REGISTERED", userAgent: "Yealink T54W", address: "203.0.113.7:5060" },
      call: { state: "IN_CALL", peer: "202", since },
    });
    expect(rows[1]).toMatchObject({ id: ext202!.id, owner: null, outboundCli: null, registration: null, call: null });

    const sent = JSON.stringify(rows);
    const { authMd5 } = await db.sipAccount.findUniqueOrThrow({ where: { id: ext201!.sipAccountId } });
    for (const secret of [authMd5, "argon2-pin-hash", "authMd5", "voicemailPinHash", "channelId"]) expect(sent).not.toContain(secret);
  });

  it("counts calls, minutes and charges per day in the customer's time zone, with the latest calls", async () => {
    const tenantId = world.acme.tenant.id;
    await db.tenant.update({ where: { id: tenantId }, data: { timeZone: "Europe/Berlin" } });
    const now = new Date("2026-03-10T12:00:00Z"); // the window is 9 February to 10 March, Berlin time
    await db.callRecord.createMany({
      data: [
        call(tenantId, "2026-02-08T22:30:00Z"), // 23:30 on 8 February in Berlin: outside
        call(tenantId, "2026-02-08T23:30:00Z", { billableSec: 30, cost: "0.005" }), // 00:30 on 9 February: the first day
        call(tenantId, "2026-03-09T23:30:00Z", { billableSec: 120, cost: "0.12" }), // already 10 March in Berlin
        call(tenantId, "2026-03-10T08:00:00Z", { direction: "INBOUND", billableSec: 45, cost: "0", currency: null }),
        call(tenantId, "2026-03-10T09:00:00Z", { billableSec: 0, cost: "0.03" }),
        call(world.globex.tenant.id, "2026-03-10T09:30:00Z", { billableSec: 600, cost: "5" }),
      ],
    });

    const usage = await getCustomerUsage({ partnerId: world.partner.id, actor: { id: world.partnerAdmin.id, email: world.partnerAdmin.email } }, tenantId, now);
    expect(usage.timeZone).toBe("Europe/Berlin");
    expect(usage.days).toHaveLength(30);
    expect(usage.days[0]).toEqual({ date: "2026-02-09", calls: 1, billableSec: 30, charges: [{ currency: "GBP", amount: "0.005" }] });
    expect(usage.days[29]).toEqual({ date: "2026-03-10", calls: 3, billableSec: 165, charges: [{ currency: "GBP", amount: "0.15" }] });
    expect(usage.days.slice(1, 29).every((d) => d.calls === 0 && d.charges.length === 0)).toBe(true);
    expect(usage.total).toEqual({ calls: 4, billableSec: 195, charges: [{ currency: "GBP", amount: "0.155" }] });
    // The latest calls, newest first, Acme's only (older than the window too: it is a history).
    expect(usage.recentCalls.map((c) => [c.startedAt.toISOString(), c.direction, c.billableSec, c.cost])).toEqual([
      ["2026-03-10T09:00:00.000Z", "OUTBOUND", 0, "0.03"],
      ["2026-03-10T08:00:00.000Z", "INBOUND", 45, "0"],
      ["2026-03-09T23:30:00.000Z", "OUTBOUND", 120, "0.12"],
      ["2026-02-08T23:30:00.000Z", "OUTBOUND", 30, "0.005"],
      ["2026-02-08T22:30:00.000Z", "OUTBOUND", 60, "0.01"],
    ]);
  });

  it("shows at most 20 recent calls, and today's calls through the procedure", async () => {
    const tenantId = world.globex.tenant.id;
    const now = Date.now();
    await db.callRecord.createMany({ data: Array.from({ length: 25 }, (_, i) => call(tenantId, new Date(now - (i + 1) * 60_000).toISOString())) });
    const usage = await partner.admin.customer.usage({ id: tenantId });
    expect(usage.recentCalls).toHaveLength(20);
    expect(usage.recentCalls[0]!.startedAt.getTime()).toBe(now - 60_000);
    expect(usage.total.calls).toBeGreaterThanOrEqual(25);
  });

  it("answers another partner's customer exactly like a missing one (NOT_FOUND)", async () => {
    for (const procedure of ["extensions", "usage"] as const) {
      const theirs = await rival.admin.customer[procedure]({ id: world.acme.tenant.id }).catch((e: unknown) => e);
      const missing = await rival.admin.customer[procedure]({ id: "cmissingcustomer000000000" }).catch((e: unknown) => e);
      await expectTrpcError(Promise.reject(theirs), "NOT_FOUND");
      await expectTrpcError(Promise.reject(missing), "NOT_FOUND");
      expect((theirs as Error).message).toBe((missing as Error).message);
    }
  });

  it("refuses customer admins, extension users and platform admins (FORBIDDEN)", async () => {
    const platformAdmin = await seedUser({ role: "PLATFORM_ADMIN" });
    for (const userId of [world.acme.admin.id, world.acme.users[0]!.id, platformAdmin.id]) {
      const caller = await callerFor(userId);
      await expectTrpcError(caller.admin.customer.extensions({ id: world.acme.tenant.id }), "FORBIDDEN");
      await expectTrpcError(caller.admin.customer.usage({ id: world.acme.tenant.id }), "FORBIDDEN");
    }
  });
});
