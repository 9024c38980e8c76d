import { createTRPCRouter, tenantProcedure } from "../../../api/trpc";
import { findRuleDestinations } from "./destinations";
import { ZListCallRulesInput, ZSaveCallRulesInput } from "./schema";
import { findCallRules, saveCallRules } from "./service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/**
 * Call processing rules. Open to every user of the company because extension users keep the
 * rules of their own extension; the service refuses them everything else (owner-access.ts).
 */
export const callRulesRouter = createTRPCRouter({
  list: tenantProcedure.input(ZListCallRulesInput).query(({ ctx, input }) => findCallRules(ctx.tenant, ctx.user, input.owner)),
  save: tenantProcedure.input(ZSaveCallRulesInput).mutation(({ ctx, input }) => saveCallRules(ctx.tenant, ctx.user, actorOf(ctx), input)),
  /** Where a rule may forward to, for the editor's picker. */
  destinations: tenantProcedure.query(({ ctx }) => findRuleDestinations(ctx.tenant)),
});
