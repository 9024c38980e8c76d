import type { Prisma } from "../../generated/prisma/client";
import type { SessionUser } from "../../auth/session-user";
import { actionsOfArea, type AuditAction } from "./actions";
import { AUDIT_PERIOD_DAYS, type TAuditFilter } from "./schema";

/** Who acts. `partnerId` stamps rows so the partner's back office sees its customers' changes. */
export type Actor = Pick<SessionUser, "id" | "email"> & { partnerId?: string | null };

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId: string;
  partnerId?: string | null;
  tenantId?: string | null;
  details?: Prisma.InputJsonValue;
};

type AuditWriter = { auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown> } };

/**
 * Writes one audit row. Pass the transaction client of the change it describes, so the
 * change and its record commit or roll back together. Never put secrets in `details`.
 */
export function recordAudit(tx: AuditWriter, actor: Actor, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      actorUserId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      partnerId: entry.partnerId ?? actor.partnerId ?? null,
      tenantId: entry.tenantId ?? null,
      details: entry.details ?? {},
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

export const auditSelect = {
  id: true, actorEmail: true, action: true, entityType: true, entityId: true, tenantId: true, details: true, createdAt: true,
} as const;

/** The `where` of a filtered page: scope first (the caller's), then who, what, when and the cursor. */
export function auditWhere(filter: TAuditFilter & { cursor?: string }, now = new Date()): Prisma.AuditLogWhereInput {
  return {
    ...(filter.who ? { actorEmail: { contains: filter.who, mode: "insensitive" } } : {}),
    ...(filter.what ? { action: { in: actionsOfArea(filter.what) } } : {}),
    ...(filter.when ? { createdAt: { gte: new Date(now.getTime() - AUDIT_PERIOD_DAYS[filter.when] * 86_400_000) } } : {}),
    ...(filter.cursor ? { id: { lt: BigInt(filter.cursor) } } : {}),
  };
}
