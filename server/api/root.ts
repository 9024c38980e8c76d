import { accountRouter } from "../modules/account/router";
import { adminRouter } from "../modules/admin/router";
import { auditLogRouter } from "../modules/audit/router";
import { userRouter } from "../modules/users/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  user: userRouter,
  auditLog: auditLogRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
