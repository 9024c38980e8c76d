import { createTRPCRouter, tenantProcedure } from "../../../api/trpc";
import { ZExtensionRef, ZSaveForwardingInput, ZSetDoNotDisturbInput } from "./schema";
import { findForwarding, findForwardingDestinations } from "./service";
import { saveForwarding, setDoNotDisturb } from "./write-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/**
 * An extension's forwarding, for the company's administrators (any extension) and for extension
 * users (their own only: access.ts decides, so every procedure here is tenant-scoped, not admin).
 */
export const forwardingRouter = createTRPCRouter({
  find: tenantProcedure.input(ZExtensionRef).query(({ ctx, input }) => findForwarding(ctx.tenant, ctx.user, input.extensionId)),
  destinations: tenantProcedure.input(ZExtensionRef).query(({ ctx, input }) => findForwardingDestinations(ctx.tenant, ctx.user, input.extensionId)),
  save: tenantProcedure.input(ZSaveForwardingInput).mutation(({ ctx, input }) => saveForwarding(ctx.tenant, actorOf(ctx), ctx.user, input)),
  setDoNotDisturb: tenantProcedure.input(ZSetDoNotDisturbInput).mutation(({ ctx, input }) => setDoNotDisturb(ctx.tenant, actorOf(ctx), ctx.user, input)),
});
