import { createTRPCRouter, tenantAdminProcedure } from "../../../api/trpc";
import { ZCreateHuntGroupInput, ZHuntGroupId, ZUpdateHuntGroupInput } from "./schema";
import { findHuntGroupMemberOptions, findHuntGroups, getHuntGroup } from "./service";
import { createHuntGroup, deleteHuntGroup, updateHuntGroup } from "./write-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** Hunt groups are the company's call distribution: administrators only, reads included. */
export const huntGroupRouter = createTRPCRouter({
  list: tenantAdminProcedure.query(({ ctx }) => findHuntGroups(ctx.tenant)),
  find: tenantAdminProcedure.input(ZHuntGroupId).query(({ ctx, input }) => getHuntGroup(ctx.tenant, input.id)),
  memberOptions: tenantAdminProcedure.query(({ ctx }) => findHuntGroupMemberOptions(ctx.tenant)),
  create: tenantAdminProcedure.input(ZCreateHuntGroupInput).mutation(({ ctx, input }) => createHuntGroup(ctx.tenant, actorOf(ctx), input)),
  update: tenantAdminProcedure.input(ZUpdateHuntGroupInput).mutation(({ ctx, input }) => updateHuntGroup(ctx.tenant, actorOf(ctx), input)),
  delete: tenantAdminProcedure.input(ZHuntGroupId).mutation(({ ctx, input }) => deleteHuntGroup(ctx.tenant, actorOf(ctx), input.id)),
});
