/**
 * Which recordings a person may hear (DESIGN.md section 7): a company admin every recording of
 * the company; an extension user those whose extensionId is an extension they own. Another
 * company's recording is not found through the scoped client, and neither is a colleague's:
 * both are NOT_FOUND, so ids reveal nothing.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { TenantDb } from "../../tenancy";

export type Viewer = { id: string; role: string };

/** The `where` that limits recordings to what `viewer` may see. */
export async function visibleRecordingsWhere(db: Pick<TenantDb, "extension">, viewer: Viewer): Promise<Prisma.RecordingWhereInput> {
  if (viewer.role === "CUSTOMER_ADMIN") return {};
  if (viewer.role !== "EXTENSION_USER") return { id: { in: [] } };
  const own = await db.extension.findMany({ where: { ownerUserId: viewer.id }, select: { id: true } });
  return { extensionId: { in: own.map((e) => e.id) } };
}
