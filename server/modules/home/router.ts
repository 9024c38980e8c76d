import { createTRPCRouter, tenantAdminProcedure, tenantProcedure } from "../../api/trpc";
import { getAdminHome, getMyHome } from "./service";

/** What the portal's home page shows: the company's figures for admins, one's own for everyone. */
export const homeRouter = createTRPCRouter({
  admin: tenantAdminProcedure.query(({ ctx }) => getAdminHome(ctx.tenant, { timeZone: ctx.user.format.timeZone })),
  mine: tenantProcedure.query(({ ctx }) => getMyHome(ctx.tenant, ctx.user, { timeZone: ctx.user.format.timeZone })),
});
