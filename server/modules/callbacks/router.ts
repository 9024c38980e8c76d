import { createTRPCRouter, tenantAdminProcedure, tenantProcedure } from "../../api/trpc";
import { startClickToCall } from "./portal/click-to-call";
import { findCallbackRefusals, findRecentCallbacks, getCallbackStatus } from "./portal/queries";
import { findFromAccounts } from "./portal/viewer";
import { ZCallbackId, ZCallbackPageInput, ZClickToCallInput } from "./schema";

/** Web callback in the portal (issue 14): click-to-call, its live status, the log and the refusals. */
export const callbacksRouter = createTRPCRouter({
  clickToCall: tenantProcedure.input(ZClickToCallInput).mutation(({ ctx, input }) => startClickToCall(ctx.tenant, ctx.user, ctx.ip, input)),
  status: tenantProcedure.input(ZCallbackId).query(({ ctx, input }) => getCallbackStatus(ctx.tenant, ctx.user, input.id)),
  recent: tenantProcedure.input(ZCallbackPageInput).query(({ ctx, input }) => findRecentCallbacks(ctx.tenant, ctx.user, input)),
  refusals: tenantAdminProcedure.input(ZCallbackPageInput).query(({ ctx, input }) => findCallbackRefusals(ctx.tenant, input)),
  fromAccounts: tenantProcedure.query(({ ctx }) => findFromAccounts(ctx.tenant.db, ctx.user)),
});
