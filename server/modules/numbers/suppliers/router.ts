import { createTRPCRouter, partnerAdminProcedure } from "../../../api/trpc";
import { findSuppliers, removeSupplier, saveSupplier, testSupplier } from "./service";
import { ZSaveSupplierInput, ZSupplierIdInput } from "./schema";

const actorOf = (ctx: { user: { id: string; email: string }; partnerId: string }) => ({ id: ctx.user.id, email: ctx.user.email, partnerId: ctx.partnerId });

/** The partner's DID supplier accounts. */
export const didSupplierRouter = createTRPCRouter({
  find: partnerAdminProcedure.query(({ ctx }) => findSuppliers(ctx)),
  save: partnerAdminProcedure.input(ZSaveSupplierInput).mutation(({ ctx, input }) => saveSupplier(ctx, actorOf(ctx), input)),
  remove: partnerAdminProcedure.input(ZSupplierIdInput).mutation(({ ctx, input }) => removeSupplier(ctx, actorOf(ctx), input.id)),
  test: partnerAdminProcedure.input(ZSupplierIdInput).mutation(({ ctx, input }) => testSupplier(ctx, input.id)),
});
