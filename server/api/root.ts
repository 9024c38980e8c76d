import { accountRouter } from "../modules/account/router";
import { adminRouter } from "../modules/admin/router";
import { auditLogRouter } from "../modules/audit/router";
import { billingRouter } from "../modules/billing/router";
import { callerIdRouter } from "../modules/caller-id/router";
import { accountPlanRouter } from "../modules/billing/partner/router";
import { extensionRouter, sipAccountRouter } from "../modules/extensions/router";
import { homeRouter } from "../modules/home/router";
import { numberShopRouter } from "../modules/numbers/shop/router";
import { didSupplierRouter } from "../modules/numbers/suppliers/router";
import { didInventoryRouter, didPriceRouter, didTierRouter } from "../modules/numbers/partner/router";
import { numberRouter } from "../modules/numbers/tenant/router";
import { holidaysRouter } from "../modules/routing/holidays/router";
import { callRulesRouter } from "../modules/routing/rules/router";
import { routingRouter } from "../modules/routing/what-if/router";
import { presenceRouter } from "../modules/presence/router";
import { voicePromptRouter } from "../modules/prompts/router";
import { recordingRouter } from "../modules/recordings/router";
import { reportsRouter } from "../modules/reports/router";
import { forwardingRouter } from "../modules/routing/forwarding/router";
import { huntGroupRouter } from "../modules/routing/hunt-groups/router";
import { ivrMenuRouter } from "../modules/ivr/router";
import { callQueueRouter } from "../modules/queues/router";
import { callsRouter } from "../modules/calls/router";
import { callbacksRouter } from "../modules/callbacks/router";
import { callbackWidgetRouter } from "../modules/callbacks/widgets/router";
import { blockListRouter } from "../modules/block-list/router";
import { phoneBookRouter } from "../modules/phone-book/router";
import { speedDialRouter } from "../modules/speed-dials/router";
import { smsRouter } from "../modules/sms/router";
import { tariffRouter } from "../modules/tariffs/router";
import { userRouter } from "../modules/users/router";
import { apiKeysRouter } from "../modules/callbacks/api-keys/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  user: userRouter,
  auditLog: auditLogRouter,
  admin: adminRouter,
  tariff: tariffRouter,
  home: homeRouter,
  presence: presenceRouter,
  extension: extensionRouter,
  sipAccount: sipAccountRouter,
  billing: billingRouter,
  accountPlan: accountPlanRouter,
  numberShop: numberShopRouter,
  didSupplier: didSupplierRouter,
  didInventory: didInventoryRouter,
  didTier: didTierRouter,
  didPrice: didPriceRouter,
  callerId: callerIdRouter,
  sms: smsRouter,
  numbers: numberRouter,
  forwarding: forwardingRouter,
  huntGroups: huntGroupRouter,
  callRules: callRulesRouter,
  holidays: holidaysRouter,
  routing: routingRouter,
  voicePrompt: voicePromptRouter,
  recording: recordingRouter,
  ivrMenus: ivrMenuRouter,
  callQueues: callQueueRouter,
  reports: reportsRouter,
  calls: callsRouter,
  blockList: blockListRouter,
  phoneBook: phoneBookRouter,
  speedDial: speedDialRouter,
  callbacks: callbacksRouter,
  apiKeys: apiKeysRouter,
  callbackWidgets: callbackWidgetRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
