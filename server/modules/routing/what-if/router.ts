import { createTRPCRouter, tenantProcedure } from "../../../api/trpc";
import { ZCallFlowInput, ZWhatIfInput } from "./schema";
import { findCallFlow, whatIf } from "./service";

/**
 * "What happens if…" and the call-flow view. Open to every user of the company with the
 * rules' access: extension users ask about their own extensions only (entry-access.ts).
 */
export const routingRouter = createTRPCRouter({
  whatIf: tenantProcedure.input(ZWhatIfInput).query(({ ctx, input }) => whatIf(ctx.tenant, ctx.user, input)),
  callFlow: tenantProcedure.input(ZCallFlowInput).query(({ ctx, input }) => findCallFlow(ctx.tenant, ctx.user, input.entry)),
});
