import { db } from "../../db";
import type { TFindAuditLogInput } from "../audit/schema";
import { AUDIT_PAGE_SIZE, auditSelect, auditWhere } from "../audit/service";
import { toPage } from "../audit/tenant-service";

/**
 * Audit rows a back-office user may read, newest first: a partner admin sees its own and its
 * customers' rows (partnerId is stamped on both); a platform admin (partnerId null) sees all.
 */
export async function findAuditLog(partnerId: string | null, filter: TFindAuditLogInput) {
  const rows = await db.auditLog.findMany({
    where: {
      ...auditWhere(filter),
      // Scope last, so no filter can widen it.
      ...(partnerId ? { partnerId } : {}),
      ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { ...auditSelect, partnerId: true },
  });
  return toPage(rows);
}
