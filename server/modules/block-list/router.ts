import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { ZBlockedNumberId, ZBlockNumberInput } from "./schema";
import { blockNumber, findBlockedNumbers, unblockNumber } from "./service";

/** Who may not call the company: its administrators' to see and change. */
export const blockListRouter = createTRPCRouter({
  find: tenantAdminProcedure.query(({ ctx }) => findBlockedNumbers(ctx.tenant)),
  create: tenantAdminProcedure.input(ZBlockNumberInput).mutation(({ ctx, input }) => blockNumber(ctx.tenant, ctx.user, input)),
  delete: tenantAdminProcedure.input(ZBlockedNumberId).mutation(({ ctx, input }) => unblockNumber(ctx.tenant, ctx.user, input.id)),
});
