import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { ZCreateIvrMenuInput, ZIvrMenuId, ZUpdateIvrMenuInput } from "./schema";
import { findIvrMenus, findPromptOptions, getIvrMenu } from "./service";
import { createIvrMenu, deleteIvrMenu, updateIvrMenu } from "./write-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** IVR menus are the company's call answering: administrators only, reads included (like hunt groups). */
export const ivrMenuRouter = createTRPCRouter({
  list: tenantAdminProcedure.query(({ ctx }) => findIvrMenus(ctx.tenant)),
  find: tenantAdminProcedure.input(ZIvrMenuId).query(({ ctx, input }) => getIvrMenu(ctx.tenant, input.id)),
  /** The company's voice prompts, for the menu and queue forms. */
  promptOptions: tenantAdminProcedure.query(({ ctx }) => findPromptOptions(ctx.tenant)),
  create: tenantAdminProcedure.input(ZCreateIvrMenuInput).mutation(({ ctx, input }) => createIvrMenu(ctx.tenant, actorOf(ctx), input)),
  update: tenantAdminProcedure.input(ZUpdateIvrMenuInput).mutation(({ ctx, input }) => updateIvrMenu(ctx.tenant, actorOf(ctx), input)),
  delete: tenantAdminProcedure.input(ZIvrMenuId).mutation(({ ctx, input }) => deleteIvrMenu(ctx.tenant, actorOf(ctx), input.id)),
});
