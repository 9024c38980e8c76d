import { AppError } from "./errors";

export type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

const WHERE_OPERATIONS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
  "count", "aggregate", "groupBy", "update", "updateMany", "updateManyAndReturn", "delete", "deleteMany",
]);

/**
 * Adds the tenant to a Prisma operation's arguments: to `where` for reads, updates and deletes,
 * to `data` for creates (each row of createMany) and to both halves of an upsert. A tenantId
 * already in the arguments is overwritten, never trusted. Unknown operations throw (fail closed).
 */
export function scopeArgs(operation: string, args: Args | undefined, tenantId: string): Args {
  const a: Args = { ...(args ?? {}) };
  if (WHERE_OPERATIONS.has(operation)) return { ...a, where: { ...a.where, tenantId } };
  switch (operation) {
    case "create":
      return { ...a, data: withTenant(a.data, tenantId) };
    case "createMany":
    case "createManyAndReturn": {
      const rows = Array.isArray(a.data) ? a.data : [a.data];
      return { ...a, data: rows.map((row) => withTenant(row, tenantId)) };
    }
    case "upsert":
      return { ...a, where: { ...a.where, tenantId }, create: withTenant(a.create, tenantId) };
    default:
      throw new AppError("FORBIDDEN", `Operation ${operation} is not allowed on tenant data.`);
  }
}

function withTenant(data: unknown, tenantId: string) {
  const row = { ...(data as Record<string, unknown>) };
  // A relation-style `tenant: { connect }` could point elsewhere; only the scalar is allowed.
  if ("tenant" in row) throw new AppError("FORBIDDEN", "Tenant relations cannot be written directly.");
  return { ...row, tenantId };
}
