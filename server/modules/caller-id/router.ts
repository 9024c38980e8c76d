import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { addUnverifiedMobile, findMobiles, removeMobile } from "./mobiles";
import { ZAddUnverifiedInput, ZSendCodeInput, ZVerifiedMobileId, ZVerifyCodeInput } from "./schema";
import { sendCode } from "./send-code";
import { verifyCode } from "./verify-code";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** Administrators prove and manage the company's caller-ID mobiles; a code is bound to the admin who asked. */
export const callerIdRouter = createTRPCRouter({
  find: tenantAdminProcedure.query(({ ctx }) => findMobiles(ctx.tenant)),
  sendCode: tenantAdminProcedure.input(ZSendCodeInput).mutation(({ ctx, input }) => sendCode(ctx.tenant, actorOf(ctx), input)),
  verifyCode: tenantAdminProcedure.input(ZVerifyCodeInput).mutation(({ ctx, input }) => verifyCode(ctx.tenant, actorOf(ctx), input)),
  addUnverified: tenantAdminProcedure.input(ZAddUnverifiedInput).mutation(({ ctx, input }) => addUnverifiedMobile(ctx.tenant, actorOf(ctx), input)),
  remove: tenantAdminProcedure.input(ZVerifiedMobileId).mutation(({ ctx, input }) => removeMobile(ctx.tenant, actorOf(ctx), input.id)),
});
