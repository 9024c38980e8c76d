import { createTRPCRouter, partnerAdminProcedure } from "../../api/trpc";
import { ZCallerIdPolicyInput, ZGatewayInput, ZOutboxInput } from "./schema";
import { findOutbox, getCallerIdPolicy, getGateway, removeGateway, setCallerIdPolicy, setGateway } from "./service";

/** The admin's partner bounds every call; the actor stamps the audit rows. */
const scope = (ctx: { partnerId: string; user: { id: string; email: string } }) => ({
  partnerId: ctx.partnerId,
  actor: { id: ctx.user.id, email: ctx.user.email, partnerId: ctx.partnerId },
});

export const smsRouter = createTRPCRouter({
  outbox: partnerAdminProcedure.input(ZOutboxInput).query(({ ctx, input }) => findOutbox(scope(ctx), input)),
  gateway: createTRPCRouter({
    get: partnerAdminProcedure.query(({ ctx }) => getGateway(scope(ctx))),
    set: partnerAdminProcedure.input(ZGatewayInput).mutation(({ ctx, input }) => setGateway(scope(ctx), input)),
    remove: partnerAdminProcedure.mutation(({ ctx }) => removeGateway(scope(ctx))),
  }),
  policy: createTRPCRouter({
    get: partnerAdminProcedure.query(({ ctx }) => getCallerIdPolicy(scope(ctx))),
    set: partnerAdminProcedure.input(ZCallerIdPolicyInput).mutation(({ ctx, input }) => setCallerIdPolicy(scope(ctx), input)),
  }),
});
