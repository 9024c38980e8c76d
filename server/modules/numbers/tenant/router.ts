import { createTRPCRouter, tenantAdminProcedure } from "../../../api/trpc";
import { ZSetDestinationInput } from "./schema";
import { findDestinations, findNumbers, setNumberDestination } from "./service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/**
 * The company's numbers, for its administrators only: extension users neither see what the
 * company pays nor re-route its numbers (their own calls reach them whatever the number does).
 */
export const numberRouter = createTRPCRouter({
  find: tenantAdminProcedure.query(({ ctx }) => findNumbers(ctx.tenant)),
  destinations: tenantAdminProcedure.query(({ ctx }) => findDestinations(ctx.tenant)),
  setDestination: tenantAdminProcedure.input(ZSetDestinationInput).mutation(({ ctx, input }) => setNumberDestination(ctx.tenant, actorOf(ctx), input)),
});
