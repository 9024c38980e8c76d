import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedLineExtension } from "@/tests/fixtures/seed-media";
import { callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";

describe("[CALLBACKS] partner limits in the back office", () => {
  it("sets a customer's countries, cap and daily spend, audited, and the intake applies them", async () => {
    const world = await seedTwoTenants();
    const partner = await callerFor(world.partnerAdmin.id);
    const before = await partner.admin.callbackPolicy.getCustomer({ tenantId: world.acme.tenant.id });
    expect(before).toMatchObject({ countries: [], maxConcurrent: 5, dailySpendLimit: "20", homeCallingCode: "44" });
    expect(before.countryChoices).toContain("IE");

    const saved = await partner.admin.callbackPolicy.setCustomer({ tenantId: world.acme.tenant.id, countries: ["gb", "IE", "GB"], maxConcurrent: 2, dailySpendLimit: "35.5" });
    expect(saved).toEqual({ countries: ["GB", "IE"], maxConcurrent: 2, dailySpendLimit: "35.5" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "customer.setCallbackLimits", entityId: world.acme.tenant.id } });
    expect(audit).toMatchObject({ actorUserId: world.partnerAdmin.id, partnerId: world.partner.id, tenantId: world.acme.tenant.id });
    expect(audit.details).toMatchObject({ before: { countries: [], maxConcurrent: 5 }, after: { countries: ["GB", "IE"], maxConcurrent: 2 } });

    // An Irish landline is callable now; a US one still is not.
    const admin = await callerFor(world.acme.admin.id);
    const line = await seedLineExtension(world.acme.tenant.id, "201", world.acme.admin.id);
    await admin.callbacks.clickToCall({ sipAccountId: line.sipAccountId!, number: "+35312345678" });
    await expectTrpcError(admin.callbacks.clickToCall({ sipAccountId: line.sipAccountId!, number: "+12125550123" }), "BAD_REQUEST");
  });

  it("refuses unknown countries, negative caps and malformed amounts, saving nothing", async () => {
    const world = await seedTwoTenants();
    const partner = await callerFor(world.partnerAdmin.id);
    const base = { tenantId: world.acme.tenant.id, countries: [], maxConcurrent: 5, dailySpendLimit: "20" };
    await expectTrpcError(partner.admin.callbackPolicy.setCustomer({ ...base, countries: ["XX"] }), "BAD_REQUEST");
    await expectTrpcError(partner.admin.callbackPolicy.setCustomer({ ...base, countries: ["G\u202eB"] }), "BAD_REQUEST");
    await expectTrpcError(partner.admin.callbackPolicy.setCustomer({ ...base, maxConcurrent: -1 }), "BAD_REQUEST");
    await expectTrpcError(partner.admin.callbackPolicy.setCustomer({ ...base, maxConcurrent: 1.5 }), "BAD_REQUEST");
    await expectTrpcError(partner.admin.callbackPolicy.setCustomer({ ...base, dailySpendLimit: "-3" }), "BAD_REQUEST");
    await expectTrpcError(partner.admin.callbackPolicy.setCustomer({ ...base, dailySpendLimit: "1e5" }), "BAD_REQUEST");
    expect(await db.auditLog.count({ where: { action: "customer.setCallbackLimits", entityId: world.acme.tenant.id } })).toBe(0);
  });

  it("sets the partner's extra number types and blocked prefixes, which every customer's callbacks obey", async () => {
    const world = await seedTwoTenants();
    const partner = await callerFor(world.partnerAdmin.id);
    const policy = await partner.admin.callbackPolicy.getPartner();
    expect(policy).toMatchObject({ allowedNumberTypes: [], blockedPrefixes: [], safeTypes: ["FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE"] });
    expect(policy.optionalTypes).toContain("PREMIUM_RATE");

    const saved = await partner.admin.callbackPolicy.setPartner({ allowedNumberTypes: ["TOLL_FREE", "TOLL_FREE"], blockedPrefixes: ["44207946", "4470"] });
    expect(saved).toEqual({ allowedNumberTypes: ["TOLL_FREE"], blockedPrefixes: ["44207946", "4470"].sort() });
    expect(await db.auditLog.count({ where: { action: "partner.setCallbackPolicy", entityId: world.partner.id } })).toBe(1);

    const admin = await callerFor(world.acme.admin.id);
    const line = await seedLineExtension(world.acme.tenant.id, "201", world.acme.admin.id);
    await expectTrpcError(admin.callbacks.clickToCall({ sipAccountId: line.sipAccountId!, number: "+442079460123" }), "BAD_REQUEST");
    expect((await admin.callbacks.refusals({})).items[0]).toMatchObject({ reason: "BLOCKED_PREFIX" });

    await expectTrpcError(partner.admin.callbackPolicy.setPartner({ allowedNumberTypes: ["SATELLITE" as "VOIP"], blockedPrefixes: [] }), "BAD_REQUEST");
    await expectTrpcError(partner.admin.callbackPolicy.setPartner({ allowedNumberTypes: [], blockedPrefixes: ["+4470"] }), "BAD_REQUEST");
    await expectTrpcError(partner.admin.callbackPolicy.setPartner({ allowedNumberTypes: [], blockedPrefixes: ["0044"] }), "BAD_REQUEST");
    expect(await db.auditLog.count({ where: { action: "partner.setCallbackPolicy", entityId: world.partner.id } })).toBe(1);
  });

  it("is for partner admins only", async () => {
    const world = await seedTwoTenants();
    const customerAdmin = await callerFor(world.acme.admin.id);
    await expectTrpcError(customerAdmin.admin.callbackPolicy.getCustomer({ tenantId: world.acme.tenant.id }), "FORBIDDEN");
    await expectTrpcError(customerAdmin.admin.callbackPolicy.setPartner({ allowedNumberTypes: ["PREMIUM_RATE"], blockedPrefixes: [] }), "FORBIDDEN");
  });
});
