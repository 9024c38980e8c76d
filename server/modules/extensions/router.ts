import { createTRPCRouter, tenantAdminProcedure, tenantProcedure } from "../../api/trpc";
import { regenerateCredentials } from "./credentials";
import { ZCreateExtensionInput, ZExtensionId, ZUpdateExtensionInput } from "./schema";
import { findExtensions, findUnusedSipAccounts, getExtension, getExtensionFormOptions } from "./service";
import { createExtension, deleteExtension, updateExtension } from "./write-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** Reads are open to extension users (their own extensions); every write is for administrators. */
export const extensionRouter = createTRPCRouter({
  find: tenantProcedure.query(({ ctx }) => findExtensions(ctx.tenant, ctx.user)),
  get: tenantProcedure.input(ZExtensionId).query(({ ctx, input }) => getExtension(ctx.tenant, ctx.user, input.id)),
  formOptions: tenantAdminProcedure.query(({ ctx }) => getExtensionFormOptions(ctx.tenant)),
  create: tenantAdminProcedure.input(ZCreateExtensionInput).mutation(({ ctx, input }) => createExtension(ctx.tenant, actorOf(ctx), input)),
  update: tenantAdminProcedure.input(ZUpdateExtensionInput).mutation(({ ctx, input }) => updateExtension(ctx.tenant, actorOf(ctx), input)),
  delete: tenantAdminProcedure.input(ZExtensionId).mutation(({ ctx, input }) => deleteExtension(ctx.tenant, actorOf(ctx), input.id)),
  regenerateCredentials: tenantAdminProcedure
    .input(ZExtensionId)
    .mutation(({ ctx, input }) => regenerateCredentials(ctx.tenant, actorOf(ctx), input.id)),
});

export const sipAccountRouter = createTRPCRouter({
  findUnused: tenantAdminProcedure.query(({ ctx }) => findUnusedSipAccounts(ctx.tenant)),
});
