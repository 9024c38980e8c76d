import type { TenantScope } from "../../tenancy";
import type { TAuditFilter } from "./schema";
import { AUDIT_PAGE_SIZE, auditSelect, auditWhere } from "./service";

/** The company's own audit trail, newest first, a page at a time, filtered by who, what and when. */
export async function findTenantAuditLog({ db }: TenantScope, filter: TAuditFilter & { cursor?: string }) {
  const rows = await db.auditLog.findMany({
    where: auditWhere(filter),
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: auditSelect,
  });
  return toPage(rows);
}

export function toPage<T extends { id: bigint }>(rows: T[]) {
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const items = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, id: r.id.toString() }));
  return { items, nextCursor: hasMore ? items.at(-1)!.id : null };
}
