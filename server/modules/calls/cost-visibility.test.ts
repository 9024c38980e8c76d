import { describe, expect, it } from "vitest";
import { canSeeCallCosts, type CostVisibilityFacts } from "./cost-visibility";

const base: CostVisibilityFacts = { role: "CUSTOMER_ADMIN", partnerPolicy: "ADMINS", tenantPolicy: null, tenantShowsCosts: true, accountShowsCosts: true };

describe("canSeeCallCosts", () => {
  it.each([
    ["admins policy: a customer admin sees costs", {}, true],
    ["admins policy: an extension user does not", { role: "EXTENSION_USER" }, false],
    ["everyone: an extension user whose account shows costs sees them", { role: "EXTENSION_USER", partnerPolicy: "EVERYONE" }, true],
    ["everyone: not when their account hides them", { role: "EXTENSION_USER", partnerPolicy: "EVERYONE", accountShowsCosts: false }, false],
    ["everyone: not without an account", { role: "EXTENSION_USER", partnerPolicy: "EVERYONE", accountShowsCosts: null }, false],
    ["hidden by the partner: not even the customer admin", { partnerPolicy: "HIDDEN" }, false],
    ["the customer's own policy overrides the partner default", { partnerPolicy: "HIDDEN", tenantPolicy: "ADMINS" }, true],
    ["a customer policy can hide what the default shows", { partnerPolicy: "EVERYONE", tenantPolicy: "HIDDEN", role: "EXTENSION_USER" }, false],
    ["the customer switched costs off", { tenantShowsCosts: false }, false],
    ["the customer's switch also binds extension users", { role: "EXTENSION_USER", partnerPolicy: "EVERYONE", tenantShowsCosts: false }, false],
    ["partner staff always see them", { role: "PARTNER_ADMIN", partnerPolicy: "HIDDEN", tenantShowsCosts: false }, true],
    ["platform admins always see them", { role: "PLATFORM_ADMIN", partnerPolicy: "HIDDEN" }, true],
  ] as const)("%s", (_name, change, expected) => {
    expect(canSeeCallCosts({ ...base, ...change })).toBe(expected);
  });
});
