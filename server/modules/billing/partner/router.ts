import { createTRPCRouter, partnerAdminProcedure, platformAdminProcedure } from "../../../api/trpc";
import {
  ZAssignPlanInput, ZCreatePlanInput, ZCreditInput, ZCreditLimitInput, ZCustomerCallsOfDayInput, ZCustomerInput, ZCustomerLedgerInput,
  ZFindPlansInput, ZIdInput, ZPolicyInput, ZUpdatePlanInput,
} from "../schema";
import { findCustomerCallsOfDay, findCustomerHistory, getCustomerCredit, setCustomerCredit } from "./credit-service";
import { creditCustomer, findCustomerAccounts, findCustomerLedger, findCustomerPurchases, findCustomerTopUps, getCustomerBalance } from "./customer-billing-service";
import { assignAccountPlan, getBillingPolicy, setBillingPolicy } from "./plan-assignment-service";
import {
  createAccountPlan, deleteAccountPlan, findAccountPlans, getAccountPlan, setDefaultAccountPlan, updateAccountPlan,
} from "./plans-service";
import { findAllTopUpRefusals, findCustomerTopUpRefusals } from "./top-up-refusals-service";

/** The admin's partner bounds every call; the actor stamps the audit rows. */
const scope = (ctx: { partnerId: string; user: { id: string; email: string } }) => ({
  partnerId: ctx.partnerId,
  actor: { id: ctx.user.id, email: ctx.user.email, partnerId: ctx.partnerId },
});

export const accountPlanRouter = createTRPCRouter({
  find: partnerAdminProcedure.input(ZFindPlansInput).query(({ ctx, input }) => findAccountPlans(scope(ctx), input?.accountType)),
  get: partnerAdminProcedure.input(ZIdInput).query(({ ctx, input }) => getAccountPlan(scope(ctx), input.id)),
  create: partnerAdminProcedure.input(ZCreatePlanInput).mutation(({ ctx, input }) => createAccountPlan(scope(ctx), input)),
  update: partnerAdminProcedure.input(ZUpdatePlanInput).mutation(({ ctx, input }) => updateAccountPlan(scope(ctx), input)),
  delete: partnerAdminProcedure.input(ZIdInput).mutation(({ ctx, input }) => deleteAccountPlan(scope(ctx), input.id)),
  setDefault: partnerAdminProcedure.input(ZIdInput).mutation(({ ctx, input }) => setDefaultAccountPlan(scope(ctx), input.id)),
  assignToCustomer: partnerAdminProcedure.input(ZAssignPlanInput).mutation(({ ctx, input }) => assignAccountPlan(scope(ctx), input)),
  getPolicy: partnerAdminProcedure.query(({ ctx }) => getBillingPolicy(scope(ctx))),
  setPolicy: partnerAdminProcedure.input(ZPolicyInput).mutation(({ ctx, input }) => setBillingPolicy(scope(ctx), input)),
});

/** admin.billing: a partner's view of its customers' money, and manual credits. */
export const customerBillingRouter = createTRPCRouter({
  credit: partnerAdminProcedure.input(ZCreditInput).mutation(({ ctx, input }) => creditCustomer(scope(ctx), input)),
  balance: partnerAdminProcedure.input(ZCustomerInput).query(({ ctx, input }) => getCustomerBalance(scope(ctx), input.tenantId)),
  ledger: partnerAdminProcedure.input(ZCustomerLedgerInput).query(({ ctx, input }) => findCustomerLedger(scope(ctx), input.tenantId, input.page)),
  purchases: partnerAdminProcedure.input(ZCustomerInput).query(({ ctx, input }) => findCustomerPurchases(scope(ctx), input.tenantId)),
  accounts: partnerAdminProcedure.input(ZCustomerInput).query(({ ctx, input }) => findCustomerAccounts(scope(ctx), input.tenantId)),
  topUps: partnerAdminProcedure.input(ZCustomerInput).query(({ ctx, input }) => findCustomerTopUps(scope(ctx), input.tenantId)),
  topUpRefusals: partnerAdminProcedure.input(ZCustomerInput).query(({ ctx, input }) => findCustomerTopUpRefusals(scope(ctx), input.tenantId)),
  /** Issue 13: credit limit, prepaid, and the billing history with calls grouped per day. */
  creditState: partnerAdminProcedure.input(ZCustomerInput).query(({ ctx, input }) => getCustomerCredit(scope(ctx), input.tenantId)),
  setCreditLimit: partnerAdminProcedure.input(ZCreditLimitInput).mutation(({ ctx, input }) => setCustomerCredit(scope(ctx), input)),
  history: partnerAdminProcedure.input(ZCustomerLedgerInput).query(({ ctx, input }) => findCustomerHistory(scope(ctx), input.tenantId, input.page)),
  callsOfDay: partnerAdminProcedure.input(ZCustomerCallsOfDayInput).query(({ ctx, input }) => findCustomerCallsOfDay(scope(ctx), input)),
});

/** admin.topUpRefusal: every refused card payment on the platform, for the platform admin. */
export const topUpRefusalRouter = createTRPCRouter({
  find: platformAdminProcedure.query(() => findAllTopUpRefusals()),
});
