import { createTRPCRouter, partnerAdminProcedure, platformAdminProcedure, protectedProcedure } from "../../api/trpc";
import { TRPCError } from "@trpc/server";
import { ZFindAuditLogInput } from "../audit/schema";
import { findAuditLog } from "./audit-service";
import { createCustomer, createCustomerAdmin, findCustomers, getCustomer, setCustomerStatus, updateCustomer } from "./customers-service";
import { findCustomerExtensions, getCustomerUsage } from "./customer-telephony-service";
import { getCustomerCallbackLimits, getPartnerCallbackPolicy, setCustomerCallbackLimits, setPartnerCallbackPolicy } from "./callback-policy";
import { ZSetCustomerCallbackLimitsInput, ZSetPartnerCallbackPolicyInput } from "./callback-policy-schema";
import { createPartner, createPartnerAdmin, findPartners } from "./partners-service";
import {
  ZCreateCustomerAdminInput, ZCreateCustomerInput, ZCreatePartnerAdminInput, ZCreatePartnerInput,
  ZFindCustomersInput, ZId, ZSetCustomerStatusInput, ZUpdateCustomerInput,
} from "./schema";
import { z } from "zod";
import { customerBillingRouter, topUpRefusalRouter } from "../billing/partner/router";
import { ZSetApiKeyRateLimitInput } from "../callbacks/api-keys/schema";
import { findCustomerApiKeys, setCustomerApiKeyRateLimit } from "./customer-api-keys-service";

const partnerScope = (ctx: { partnerId: string; user: { id: string; email: string } }) => ({
  partnerId: ctx.partnerId,
  actor: { id: ctx.user.id, email: ctx.user.email, partnerId: ctx.partnerId },
});

const customerRouter = createTRPCRouter({
  find: partnerAdminProcedure.input(ZFindCustomersInput).query(({ ctx, input }) => findCustomers(partnerScope(ctx), input?.search)),
  get: partnerAdminProcedure.input(z.object({ id: ZId })).query(({ ctx, input }) => getCustomer(partnerScope(ctx), input.id)),
  create: partnerAdminProcedure.input(ZCreateCustomerInput).mutation(({ ctx, input }) => createCustomer(partnerScope(ctx), input)),
  update: partnerAdminProcedure.input(ZUpdateCustomerInput).mutation(({ ctx, input }) => updateCustomer(partnerScope(ctx), input)),
  setStatus: partnerAdminProcedure.input(ZSetCustomerStatusInput).mutation(({ ctx, input }) => setCustomerStatus(partnerScope(ctx), input.id, input.status)),
  createAdmin: partnerAdminProcedure.input(ZCreateCustomerAdminInput).mutation(({ ctx, input }) => createCustomerAdmin(partnerScope(ctx), input)),
  // Read-only views of the customer's phone system, for support staff.
  extensions: partnerAdminProcedure.input(z.object({ id: ZId })).query(({ ctx, input }) => findCustomerExtensions(partnerScope(ctx), input.id)),
  usage: partnerAdminProcedure.input(z.object({ id: ZId })).query(({ ctx, input }) => getCustomerUsage(partnerScope(ctx), input.id)),
});

const partnerRouter = createTRPCRouter({
  find: platformAdminProcedure.query(() => findPartners()),
  create: platformAdminProcedure.input(ZCreatePartnerInput).mutation(({ ctx, input }) => createPartner(ctx.user, input)),
  createAdmin: platformAdminProcedure.input(ZCreatePartnerAdminInput).mutation(({ ctx, input }) => createPartnerAdmin(ctx.user, input)),
});

/** Back-office audit: partner admins see their own scope, platform admins everything. */
const auditProcedure = protectedProcedure.meta({ scope: "partnerAdmin" }).use(({ ctx, next }) => {
  const { role, partnerId } = ctx.user;
  if (role === "PLATFORM_ADMIN") return next({ ctx: { auditPartnerId: null as string | null } });
  if (role === "PARTNER_ADMIN" && partnerId) return next({ ctx: { auditPartnerId: partnerId as string | null } });
  throw new TRPCError({ code: "FORBIDDEN", message: "Only back-office staff can read this audit log." });
});

/** Web-callback toll-fraud limits (issue 14): per customer, and the partner's own number policy. */
const callbackPolicyRouter = createTRPCRouter({
  getCustomer: partnerAdminProcedure.input(z.object({ tenantId: ZId })).query(({ ctx, input }) => getCustomerCallbackLimits(partnerScope(ctx), input.tenantId)),
  setCustomer: partnerAdminProcedure.input(ZSetCustomerCallbackLimitsInput).mutation(({ ctx, input }) => setCustomerCallbackLimits(partnerScope(ctx), input)),
  getPartner: partnerAdminProcedure.query(({ ctx }) => getPartnerCallbackPolicy(partnerScope(ctx))),
  setPartner: partnerAdminProcedure.input(ZSetPartnerCallbackPolicyInput).mutation(({ ctx, input }) => setPartnerCallbackPolicy(partnerScope(ctx), input)),
});

export const adminRouter = createTRPCRouter({
  customer: customerRouter,
  callbackPolicy: callbackPolicyRouter,
  partner: partnerRouter,
  billing: customerBillingRouter,
  topUpRefusal: topUpRefusalRouter,
  // A customer's callback API keys: the partner may raise a key's limit past the customer's bound.
  customerApiKeys: createTRPCRouter({
    find: partnerAdminProcedure.input(z.object({ tenantId: ZId })).query(({ ctx, input }) => findCustomerApiKeys(partnerScope(ctx), input.tenantId)),
    setRateLimit: partnerAdminProcedure.input(ZSetApiKeyRateLimitInput).mutation(({ ctx, input }) => setCustomerApiKeyRateLimit(partnerScope(ctx), input)),
  }),
  audit: createTRPCRouter({
    find: auditProcedure.input(ZFindAuditLogInput).query(({ ctx, input }) => findAuditLog(ctx.auditPartnerId, input)),
  }),
});
