import type { Prisma } from "../../generated/prisma/client";
import type { SessionUser } from "../../auth/session-user";
import type { AuditAction } from "./actions";

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
