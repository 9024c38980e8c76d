import { createTRPCRouter, tenantAdminProcedure, tenantProcedure } from "../../api/trpc";
import { findQueueLive } from "./live";
import { setQueueMemberLogin } from "./member-login";
import { ZCallQueueId, ZCreateCallQueueInput, ZSetMemberLoginInput, ZUpdateCallQueueInput } from "./schema";
import { findCallQueueMemberOptions, findCallQueues, getCallQueue } from "./service";
import { createCallQueue, deleteCallQueue, updateCallQueue } from "./write-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/**
 * Call queues are configured by administrators; logging in and out, and the live view, are
 * for every user of the company (extension users see and change their own memberships only).
 */
export const callQueueRouter = createTRPCRouter({
  list: tenantAdminProcedure.query(({ ctx }) => findCallQueues(ctx.tenant)),
  find: tenantAdminProcedure.input(ZCallQueueId).query(({ ctx, input }) => getCallQueue(ctx.tenant, input.id)),
  memberOptions: tenantAdminProcedure.query(({ ctx }) => findCallQueueMemberOptions(ctx.tenant)),
  create: tenantAdminProcedure.input(ZCreateCallQueueInput).mutation(({ ctx, input }) => createCallQueue(ctx.tenant, actorOf(ctx), input)),
  update: tenantAdminProcedure.input(ZUpdateCallQueueInput).mutation(({ ctx, input }) => updateCallQueue(ctx.tenant, actorOf(ctx), input)),
  delete: tenantAdminProcedure.input(ZCallQueueId).mutation(({ ctx, input }) => deleteCallQueue(ctx.tenant, actorOf(ctx), input.id)),
  live: tenantProcedure.query(({ ctx }) => findQueueLive(ctx.tenant.db, ctx.user)),
  setMemberLogin: tenantProcedure
    .input(ZSetMemberLoginInput)
    .mutation(({ ctx, input }) => setQueueMemberLogin(ctx.tenant, { ...actorOf(ctx), role: ctx.user.role }, input)),
});
