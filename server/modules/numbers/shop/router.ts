import { createTRPCRouter, tenantAdminProcedure } from "../../../api/trpc";
import { buyNumber } from "./buy";
import { cancelNumber } from "./cancel";
import { searchNumbers } from "./offers";
import { ZBuyNumberInput, ZCancelNumberInput, ZNumberSearchInput } from "./schema";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** Virtual Numbers Purchasing: company administrators find, buy and cancel numbers. */
export const numberShopRouter = createTRPCRouter({
  search: tenantAdminProcedure.input(ZNumberSearchInput).query(({ ctx, input }) => searchNumbers(ctx.tenant, input)),
  buy: tenantAdminProcedure.input(ZBuyNumberInput).mutation(({ ctx, input }) => buyNumber(ctx.tenant, actorOf(ctx), input)),
  cancel: tenantAdminProcedure.input(ZCancelNumberInput).mutation(({ ctx, input }) => cancelNumber(ctx.tenant, actorOf(ctx), input)),
});
