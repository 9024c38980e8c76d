import { createTRPCRouter, tenantProcedure } from "../../api/trpc";
import { findCallExtensions, findRecentCalls } from "./recent-calls";
import { ZRecentCallsInput } from "./schema";

/** Recent calls for everyone in a company: admins the company's, extension users their own. */
export const callsRouter = createTRPCRouter({
  recent: tenantProcedure.input(ZRecentCallsInput).query(({ ctx, input }) => findRecentCalls(ctx.tenant, ctx.user, input)),
  extensions: tenantProcedure.query(({ ctx }) => findCallExtensions(ctx.tenant, ctx.user)),
});
