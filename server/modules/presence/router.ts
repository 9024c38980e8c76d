import { createTRPCRouter, tenantProcedure } from "../../api/trpc";
import { findPresence } from "./service";

export const presenceRouter = createTRPCRouter({
  find: tenantProcedure.query(({ ctx }) => findPresence(ctx.tenant, ctx.user)),
});
