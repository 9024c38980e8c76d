import { createTRPCRouter, tenantAdminProcedure } from "../../../api/trpc";
import { isCaptchaAvailable, widgetScriptOrigin } from "./captcha-availability";
import { ZCallbackTestStatusInput, ZCallbackWidgetId, ZCreateCallbackWidgetInput, ZUpdateCallbackWidgetInput } from "./schema";
import { findCallbackWidgets, getCallbackWidget } from "./service";
import { getWidgetTestStatus, placeWidgetTestCall } from "./test-call";
import { createCallbackWidget, deleteCallbackWidget, updateCallbackWidget } from "./write-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** Callback widgets are the company's public face: administrators only. */
export const callbackWidgetRouter = createTRPCRouter({
  list: tenantAdminProcedure.query(({ ctx }) => findCallbackWidgets(ctx.tenant)),
  get: tenantAdminProcedure.input(ZCallbackWidgetId).query(({ ctx, input }) => getCallbackWidget(ctx.tenant, input.id)),
  /** What the form needs from the server: whether a CAPTCHA can be required, and the snippet's origin. */
  formOptions: tenantAdminProcedure.query(() => ({ isCaptchaAvailable: isCaptchaAvailable(), scriptOrigin: widgetScriptOrigin() })),
  create: tenantAdminProcedure.input(ZCreateCallbackWidgetInput).mutation(({ ctx, input }) => createCallbackWidget(ctx.tenant, actorOf(ctx), input)),
  update: tenantAdminProcedure.input(ZUpdateCallbackWidgetInput).mutation(({ ctx, input }) => updateCallbackWidget(ctx.tenant, actorOf(ctx), input)),
  delete: tenantAdminProcedure.input(ZCallbackWidgetId).mutation(({ ctx, input }) => deleteCallbackWidget(ctx.tenant, actorOf(ctx), input.id)),
  testCall: tenantAdminProcedure.input(ZCallbackWidgetId).mutation(({ ctx, input }) => placeWidgetTestCall(ctx.tenant, ctx.user, input.id, ctx.ip)),
  testStatus: tenantAdminProcedure.input(ZCallbackTestStatusInput).query(({ ctx, input }) => getWidgetTestStatus(ctx.tenant, input.requestId)),
});
