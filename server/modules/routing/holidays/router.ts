import { createTRPCRouter, tenantAdminProcedure } from "../../../api/trpc";
import { ZAddHolidayInput, ZRemoveHolidayInput } from "./schema";
import { addHoliday, findHolidays, removeHoliday } from "./service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** The company's holiday list: administrators only, as it changes how every number answers. */
export const holidaysRouter = createTRPCRouter({
  list: tenantAdminProcedure.query(({ ctx }) => findHolidays(ctx.tenant)),
  add: tenantAdminProcedure.input(ZAddHolidayInput).mutation(({ ctx, input }) => addHoliday(ctx.tenant, actorOf(ctx), input)),
  remove: tenantAdminProcedure.input(ZRemoveHolidayInput).mutation(({ ctx, input }) => removeHoliday(ctx.tenant, actorOf(ctx), input.id)),
});
