import type { TenantScope } from "../../tenancy";
import { AUDIT_PAGE_SIZE, auditSelect } from "./service";

/** The company's own audit trail, newest first, a page at a time. */
export async function findTenantAuditLog({ db }: TenantScope, cursor?: string) {
  const rows = await db.auditLog.findMany({
    where: cursor ? { id: { lt: BigInt(cursor) } } : {},
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
