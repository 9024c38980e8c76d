/**
 * Who may configure an extension's forwarding: the company's administrators any extension,
 * an extension user only the extensions they own (DESIGN.md section 7). Another company's
 * extension is not found through the scoped client; one of the company's that is not the
 * user's own is FORBIDDEN, so the user learns nothing beyond "not yours".
 */
import { AppError } from "../../../errors";
import type { TenantDb } from "../../../tenancy";

export type Viewer = { id: string; role: string };

type ExtensionReader = Pick<TenantDb, "extension">;

/** The extension's id, number and name, or throws NOT_FOUND / FORBIDDEN. */
export async function extensionForViewer(db: ExtensionReader, viewer: Viewer, extensionId: string) {
  const found = await db.extension.findUnique({ where: { id: extensionId }, select: { id: true, number: true, displayName: true, ownerUserId: true } });
  if (!found) throw new AppError("NOT_FOUND", "That extension does not exist.");
  const isAllowed = viewer.role === "CUSTOMER_ADMIN" || (viewer.role === "EXTENSION_USER" && found.ownerUserId === viewer.id);
  if (!isAllowed) throw new AppError("FORBIDDEN", "You can change the forwarding of your own extension only.");
  return { id: found.id, number: found.number, displayName: found.displayName };
}
