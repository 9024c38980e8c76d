import type { QueryResultRow } from "pg";
import { prepare, runPrepared, type Statement } from "./database/prepared";
import { db } from "./db";
import { AppError } from "./errors";
import { scopeArgs, type Args } from "./tenancy-scope";

/**
 * Models that carry `tenantId`. Every query on them through tenantDb() is confined to one
 * tenant; later modules add their models here (and a cross-tenant test proves it).
 */
export const TENANT_MODELS = new Set<string>([
  "User", "AuditLog",
  "SipAccount", "Extension", "Did", "BlockedNumber", "Registration", "ExtensionCallState", "CallRecord",
  "LedgerEntry", "Purchase", "RecurringCharge", "TopUp",
  "NumberPurchase", "MobileVerification", "VerifiedMobile",
  "FollowMeStep", "HuntGroup", "HuntGroupMember", "CallRule", "Holiday",
  "VoicePrompt", "IvrMenu", "IvrOption", "CallQueue", "CallQueueMember", "QueueWaitingCall", "Recording",
  "Contact", "ContactNumber", "SpeedDial", "CallDailyRollup",
  "CallbackWidget", "ApiKey", "CallbackRequest", "CallbackRefusal",
]);
/** The tenant's own row, addressed by its id; readable and updatable, never created or deleted. */
const SELF_MODEL = "Tenant";
const SELF_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "update"]);

/** A Prisma client whose every query on a tenant model is confined to `tenantId`. */
export function tenantDb(tenantId: string) {
  return db.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (TENANT_MODELS.has(model)) return query(scopeArgs(operation, args as Args, tenantId));
          if (model === SELF_MODEL && SELF_OPERATIONS.has(operation)) {
            const a = (args ?? {}) as Args;
            // Its own id on top (findUnique needs it there), and the caller's filter still applies,
            // so asking for another tenant's id finds nothing rather than this tenant.
            return query({ ...a, where: { id: tenantId, ...(a.where ? { AND: [a.where] } : {}) } });
          }
          // Everything else (partners, other tenants, sign-in attempts) is out of a tenant's reach.
          throw new AppError("FORBIDDEN", `${model}.${operation} is not available in a tenant scope.`);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof tenantDb>;
export type TenantScope = { tenantId: string; db: TenantDb };

/** A prepared statement of a tenant's data; its $1 is the tenant id, which only tenantSql() binds. */
export type TenantStatement<Row extends QueryResultRow> = Statement<Row> & { readonly isTenantStatement: true };

/**
 * Defines a statement for tenantSql(). Its text must confine every tenant table it reads or
 * writes to `$1`; the cross-tenant tests of each caller prove that it does.
 */
export function tenantStatement<Row extends QueryResultRow>(label: string, text: string): TenantStatement<Row> {
  if (!/\$1(?!\d)/.test(text)) throw new Error(`tenant statement "${label}" never uses $1, the tenant id`);
  return { ...prepare<Row>(label, text), isTenantStatement: true };
}

/**
 * Runs tenant statements with the scope's tenant as $1 (the caller's values are $2, $3...),
 * so a caller cannot aim one at another company: the hot paths' counterpart of tenantDb().
 */
export function tenantSql(tenantId: string) {
  return <Row extends QueryResultRow>(statement: TenantStatement<Row>, ...values: unknown[]) => runPrepared(statement, [tenantId, ...values]);
}
export type TenantSql = ReturnType<typeof tenantSql>;
