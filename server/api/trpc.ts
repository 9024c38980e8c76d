import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { AppError, toAppError, type AppErrorCode } from "../errors";
import { tenantDb, type TenantScope } from "../tenancy";
import type { Context } from "./context";

/** Who may call a procedure. The cross-tenant test enumerates procedures by this. */
export type ProcedureScope = "public" | "signedIn" | "tenant" | "tenantAdmin" | "partnerAdmin" | "platformAdmin";
export type ProcedureMeta = { scope: ProcedureScope };

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  INVALID: "BAD_REQUEST",
  // 429 tells clients and proxies to retry later, so it is for rate limits only.
  LIMIT_EXCEEDED: "TOO_MANY_REQUESTS",
  INSUFFICIENT_FUNDS: "PAYMENT_REQUIRED",
  UPSTREAM_FAILED: "BAD_GATEWAY",
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const app = error.cause instanceof AppError ? error.cause : null;
      const isUnexpected = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        // Unexpected errors never leak internals; the request id ties the message to the log.
        message: isUnexpected ? `Something went wrong. Reference: ${ctx?.requestId ?? "none"}` : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode: app?.code ?? null,
          fieldErrors: app?.fieldErrors ?? null,
          reason: app?.reason ?? null,
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
          requestId: ctx?.requestId ?? null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps AppErrors and Prisma errors to tRPC codes in one place, and logs the unexpected. */
const errorMapping = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok) return result;
  const app = toAppError(result.error.cause) ?? toAppError(result.error);
  if (app) throw new TRPCError({ code: TRPC_CODE[app.code], message: app.message, cause: app });
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    console.error(`[trpc] ${path} failed (request ${ctx.requestId})`, result.error.cause ?? result.error);
  }
  return result;
});

const base = t.procedure.use(errorMapping);

export const publicProcedure = base.meta({ scope: "public" });

export const protectedProcedure = base.meta({ scope: "signedIn" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Any user of a customer company; `ctx.tenant.db` is confined to that company. */
export const tenantProcedure = protectedProcedure.meta({ scope: "tenant" }).use(({ ctx, next }) => {
  const { tenantId } = ctx.user;
  if (!tenantId) throw new TRPCError({ code: "FORBIDDEN", message: "This needs a customer account." });
  const tenant: TenantScope = { tenantId, db: tenantDb(tenantId) };
  return next({ ctx: { ...ctx, tenant } });
});

export const tenantAdminProcedure = tenantProcedure.meta({ scope: "tenantAdmin" }).use(({ ctx, next }) => {
  if (ctx.user.role !== "CUSTOMER_ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Only your company's administrators can do this." });
  return next();
});

/** A provider's or reseller's staff; `ctx.partnerId` bounds what they reach. */
export const partnerAdminProcedure = protectedProcedure.meta({ scope: "partnerAdmin" }).use(({ ctx, next }) => {
  if (ctx.user.role !== "PARTNER_ADMIN" || !ctx.user.partnerId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only partner administrators can do this." });
  }
  return next({ ctx: { ...ctx, partnerId: ctx.user.partnerId } });
});

export const platformAdminProcedure = protectedProcedure.meta({ scope: "platformAdmin" }).use(({ ctx, next }) => {
  if (ctx.user.role !== "PLATFORM_ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Only platform administrators can do this." });
  return next();
});
