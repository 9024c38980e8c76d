import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { heardDuring } from "@/tests/fixtures/notifications";
import { expectTrpcError } from "@/tests/fixtures/procedures";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenantId: string;
let admin: Caller;
let user: Caller;

beforeAll(async () => {
  const { partner } = await seedPartner();
  const world = await seedTenant({ partnerId: partner.id, extensionUsers: 1 });
  tenantId = world.tenant.id;
  admin = await callerFor(world.admin.id);
  user = await callerFor(world.users[0]!.id);
});

describe("[HOLIDAYS] the company's holiday list", () => {
  it("adds holidays, lists them by date, audits each change", async () => {
    const heard = await heardDuring("dialplan_changed", async (heard) => {
      await admin.holidays.add({ date: "2027-12-26", name: "Boxing Day" });
      await expect.poll(() => heard).toContain(`dialplan_changed:${tenantId}`);
    });
    expect(heard.length).toBeGreaterThan(0);
    const christmas = await admin.holidays.add({ date: "2027-12-25", name: "  Christmas Day " });
    expect(christmas).toMatchObject({ date: "2027-12-25", name: "Christmas Day" });
    expect((await admin.holidays.list()).map((h) => [h.date, h.name])).toEqual([["2027-12-25", "Christmas Day"], ["2027-12-26", "Boxing Day"]]);
    const audit = await db.auditLog.findFirst({ where: { tenantId, action: "routing.holiday.add" }, orderBy: { id: "desc" } });
    expect(audit?.details).toEqual({ date: "2027-12-25", name: "Christmas Day" });
  });

  it("refuses a second holiday on the same day with a field error, writing nothing", async () => {
    const audits = await db.auditLog.count({ where: { tenantId } });
    const err = await admin.holidays.add({ date: "2027-12-25", name: "Again" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CONFLICT", cause: { fieldErrors: { date: expect.any(String) } } });
    expect(await db.holiday.count({ where: { tenantId } })).toBe(2);
    expect(await db.auditLog.count({ where: { tenantId } })).toBe(audits);
  });

  it.each([
    ["a date that does not exist", { date: "2027-02-30", name: "Nope" }, "date"],
    ["a date in another format", { date: "25/12/2027", name: "Nope" }, "date"],
    ["an empty name", { date: "2027-05-03", name: "  " }, "name"],
    ["a control character", { date: "2027-05-03", name: "Bank\u0007holiday" }, "name"],
    ["a line break", { date: "2027-05-03", name: "Bank\nholiday" }, "name"],
  ])("refuses %s", async (_why, input, field) => {
    const err = await admin.holidays.add(input).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect((err as { cause: { issues: { path: unknown[] }[] } }).cause.issues.map((i) => i.path)).toContainEqual([field]);
    expect(await db.holiday.count({ where: { tenantId } })).toBe(2);
  });

  it("removes a holiday, and a second remove is NOT_FOUND", async () => {
    const [first] = await admin.holidays.list();
    await admin.holidays.remove({ id: first!.id });
    expect((await admin.holidays.list()).map((h) => h.name)).toEqual(["Boxing Day"]);
    await expectTrpcError(admin.holidays.remove({ id: first!.id }), "NOT_FOUND");
    expect(await db.auditLog.count({ where: { tenantId, action: "routing.holiday.remove" } })).toBe(1);
  });

  it("is for administrators only", async () => {
    await expectTrpcError(user.holidays.list(), "FORBIDDEN");
    await expectTrpcError(user.holidays.add({ date: "2027-05-03", name: "Mine" }), "FORBIDDEN");
  });
});
