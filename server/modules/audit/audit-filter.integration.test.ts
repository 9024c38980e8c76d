/**
 * Filtering the audit log by who, what and when, in the company's activity and in the back
 * office, on real rows: each filter narrows, they combine, and none widens the caller's scope.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import type { AuditAction } from "./actions";

type World = Awaited<ReturnType<typeof seedTwoTenants>>;
let world: World;
const DAY = 86_400_000;

async function entry(tenantId: string | null, partnerId: string, actorEmail: string, action: AuditAction, daysAgo: number) {
  return db.auditLog.create({
    data: { actorEmail, action, entityType: "Test", entityId: "x", tenantId, partnerId, details: {}, createdAt: new Date(Date.now() - daysAgo * DAY) },
  });
}

describe("[AUDIT] filters", () => {
  beforeAll(async () => {
    world = await seedTwoTenants();
    const { acme, globex, partner } = world;
    await db.auditLog.deleteMany({ where: { tenantId: { in: [acme.tenant.id, globex.tenant.id] } } });
    await entry(acme.tenant.id, partner.id, "alice@acme.example", "user.create", 0);
    await entry(acme.tenant.id, partner.id, "alice@acme.example", "extension.update", 3);
    await entry(acme.tenant.id, partner.id, "bob@acme.example", "extension.create", 20);
    await entry(acme.tenant.id, partner.id, "ops@partner.example", "billing.credit", 60);
    await entry(acme.tenant.id, partner.id, "ops@partner.example", "customer.assignTariff", 1.5);
    await entry(globex.tenant.id, partner.id, "alice@acme.example", "extension.update", 0);
  });

  const actions = (page: { items: { action: string }[] }) => page.items.map((i) => i.action).sort();

  it("narrows the company's activity by who, what and when, and combines them", async () => {
    const acme = await callerFor(world.acme.admin.id);
    expect(actions(await acme.auditLog.find({}))).toHaveLength(5);
    expect(actions(await acme.auditLog.find({ who: "ALICE@" }))).toEqual(["extension.update", "user.create"]);
    expect(actions(await acme.auditLog.find({ what: "extensions" }))).toEqual(["extension.create", "extension.update"]);
    // Assigning a tariff is filed under tariffs, not customers.
    expect(actions(await acme.auditLog.find({ what: "tariffs" }))).toEqual(["customer.assignTariff"]);
    expect(actions(await acme.auditLog.find({ when: "week" }))).toEqual(["customer.assignTariff", "extension.update", "user.create"]);
    expect(actions(await acme.auditLog.find({ when: "day" }))).toEqual(["user.create"]);
    expect(actions(await acme.auditLog.find({ who: "alice", what: "extensions", when: "month" }))).toEqual(["extension.update"]);
    expect(actions(await acme.auditLog.find({ who: "nobody" }))).toEqual([]);
  });

  it("keeps the back office in its scope whatever the filter says", async () => {
    const partnerAdmin = await callerFor(world.partnerAdmin.id);
    const forAcme = await partnerAdmin.admin.audit.find({ tenantId: world.acme.tenant.id, who: "alice" });
    expect(actions(forAcme)).toEqual(["extension.update", "user.create"]);
    const everyone = await partnerAdmin.admin.audit.find({ who: "alice", what: "extensions" });
    expect(everyone.items.map((i) => i.tenantId).sort()).toEqual([world.acme.tenant.id, world.globex.tenant.id].sort());
    const { admin: rivalAdmin } = await seedPartner();
    const rival = await callerFor(rivalAdmin.id);
    expect((await rival.admin.audit.find({ who: "alice" })).items).toEqual([]);
    expect((await rival.admin.audit.find({ tenantId: world.acme.tenant.id })).items).toEqual([]);
  });

  it("refuses a filter it does not know, with a field message", async () => {
    const acme = await callerFor(world.acme.admin.id);
    await expect(acme.auditLog.find({ what: "everything" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(acme.auditLog.find({ who: "a".repeat(255) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
