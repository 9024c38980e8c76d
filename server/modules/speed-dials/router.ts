import { createTRPCRouter, tenantAdminProcedure, tenantProcedure } from "../../api/trpc";
import { ZCreateSpeedDialInput, ZSpeedDialId, ZUpdateSpeedDialInput } from "./schema";
import { createSpeedDial, deleteSpeedDial, findSpeedDials, updateSpeedDial } from "./service";

/** Company short codes: everyone may read them (they dial them), admins manage them. */
export const speedDialRouter = createTRPCRouter({
  find: tenantProcedure.query(({ ctx }) => findSpeedDials(ctx.tenant)),
  create: tenantAdminProcedure.input(ZCreateSpeedDialInput).mutation(({ ctx, input }) => createSpeedDial(ctx.tenant, ctx.user, input)),
  update: tenantAdminProcedure.input(ZUpdateSpeedDialInput).mutation(({ ctx, input }) => updateSpeedDial(ctx.tenant, ctx.user, input)),
  delete: tenantAdminProcedure.input(ZSpeedDialId).mutation(({ ctx, input }) => deleteSpeedDial(ctx.tenant, ctx.user, input.id)),
});
