import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { findAccounts, findLedgerEntries, findPurchases, getBalance } from "./ledger-service";
import { getQuote, purchaseAccounts } from "./purchase-service";
import { ZLedgerInput, ZPurchaseInput, ZQuoteInput, ZTopUpInput } from "./schema";
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
});
