import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { createUser, deleteUser, findUsers, getUser, updateUser } from "./service";
import { ZCreateUserInput, ZUpdateUserInput, ZUserId } from "./schema";

export const userRouter = createTRPCRouter({
  find: tenantAdminProcedure.query(({ ctx }) => findUsers(ctx.tenant)),
  get: tenantAdminProcedure.input(ZUserId).query(({ ctx, input }) => getUser(ctx.tenant, input.id)),
  create: tenantAdminProcedure.input(ZCreateUserInput).mutation(({ ctx, input }) => createUser(ctx.tenant, ctx.user, input)),
  update: tenantAdminProcedure.input(ZUpdateUserInput).mutation(({ ctx, input }) => updateUser(ctx.tenant, ctx.user, input)),
  delete: tenantAdminProcedure.input(ZUserId).mutation(({ ctx, input }) => deleteUser(ctx.tenant, ctx.user, input.id)),
});
