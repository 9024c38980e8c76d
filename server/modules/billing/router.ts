import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { findAccounts, findLedgerEntries, findPurchases, getBalance } from "./ledger-service";
import { getQuote, purchaseAccounts } from "./purchase-service";
import { findBillingHistory, findCallsOfDay } from "./billing-history";
import { getCredit } from "./credit-service";
import { ZCallsOfDayInput, ZLedgerInput, ZPurchaseInput, ZQuoteInput, ZTopUpInput } from "./schema";
import { findTopUps } from "./top-up-history";
import { createTopUp } from "./top-up-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** The customer's money. Company administrators only: extension users do not see the books. */
export const billingRouter = createTRPCRouter({
  balance: tenantAdminProcedure.query(({ ctx }) => getBalance(ctx.tenant)),
  ledger: tenantAdminProcedure.input(ZLedgerInput).query(({ ctx, input }) => findLedgerEntries(ctx.tenant, input.page)),
  purchases: tenantAdminProcedure.query(({ ctx }) => findPurchases(ctx.tenant)),
  accounts: tenantAdminProcedure.query(({ ctx }) => findAccounts(ctx.tenant)),
  quote: tenantAdminProcedure.input(ZQuoteInput).query(({ ctx, input }) => getQuote(ctx.tenant, input)),
  purchase: tenantAdminProcedure.input(ZPurchaseInput).mutation(({ ctx, input }) => purchaseAccounts(ctx.tenant, actorOf(ctx), input)),
  topUp: tenantAdminProcedure.input(ZTopUpInput).mutation(({ ctx, input }) => createTopUp(ctx.tenant, actorOf(ctx), input)),
  topUps: tenantAdminProcedure.query(({ ctx }) => findTopUps(ctx.tenant)),
  /** Issue 13: available credit and whether outgoing calls are stopped; the history with calls per day. */
  credit: tenantAdminProcedure.query(({ ctx }) => getCredit(ctx.tenant)),
  history: tenantAdminProcedure.input(ZLedgerInput).query(({ ctx, input }) => findBillingHistory(ctx.tenant, input.page)),
  callsOfDay: tenantAdminProcedure.input(ZCallsOfDayInput).query(({ ctx, input }) => findCallsOfDay(ctx.tenant, input)),
});
