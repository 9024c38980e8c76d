/** Cross-partner cases of the web-callback limits (issue 14); spread into partner-isolation.integration.test.ts. */
import { expect } from "vitest";
import { db } from "@/server/db";
import type { callerFor, seedTwoTenants } from "../../fixtures/seed-tenant";
import { expectTrpcError } from "../../fixtures/procedures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Case = (rival: Caller, world: Awaited<ReturnType<typeof seedTwoTenants>>) => Promise<void>;

export const CALLBACK_POLICY_CASES: Record<string, Case> = {
  "admin.callbackPolicy.getCustomer": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.callbackPolicy.getCustomer({ tenantId: acme.tenant.id }), "NOT_FOUND");
  },
  "admin.callbackPolicy.setCustomer": async (rival, { acme }) => {
    await expectTrpcError(rival.admin.callbackPolicy.setCustomer({ tenantId: acme.tenant.id, countries: ["US"], maxConcurrent: 500, dailySpendLimit: "9999" }), "NOT_FOUND");
    expect(await db.tenant.findUniqueOrThrow({ where: { id: acme.tenant.id }, select: { callbackMaxConcurrent: true } })).toEqual({ callbackMaxConcurrent: 5 });
  },
  "admin.callbackPolicy.getPartner": async (rival, { partner }) => {
    await db.partner.update({ where: { id: partner.id }, data: { callbackBlockedPrefixes: ["4470"] } });
    expect((await rival.admin.callbackPolicy.getPartner()).blockedPrefixes).not.toContain("4470");
  },
  "admin.callbackPolicy.setPartner": async (rival, { partner }) => {
    await rival.admin.callbackPolicy.setPartner({ allowedNumberTypes: ["PREMIUM_RATE"], blockedPrefixes: [] });
    // The rival changed its own policy, never Demo's.
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).callbackAllowedNumberTypes).not.toContain("PREMIUM_RATE");
  },
};
