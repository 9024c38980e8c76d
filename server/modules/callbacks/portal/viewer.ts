/**
 * Who may start a click-to-call from which SIP account, and which requests a person may read:
 * customer admins the company's (any line with an extension), extension users their own.
 */
import { AppError } from "../../../errors";
import type { Prisma } from "../../../generated/prisma/client";
import type { Role } from "../../../generated/prisma/enums";
import type { TenantDb } from "../../../tenancy";

export type CallbackViewer = { id: string; role: Role };
export const isCompanyAdmin = (viewer: CallbackViewer) => viewer.role === "CUSTOMER_ADMIN";

export type FromAccount = { sipAccountId: string; extensionId: string; extensionNumber: string; displayName: string; isOwn: boolean };

/** The lines the viewer may ring first, by extension number: admins every line, others their own. */
export async function findFromAccounts(db: TenantDb, viewer: CallbackViewer): Promise<FromAccount[]> {
  const extensions = await db.extension.findMany({
    where: {
      sipAccount: { is: { type: "CENTREX_LINE" } },
      ...(isCompanyAdmin(viewer) ? {} : { ownerUserId: viewer.id }),
    },
    select: { id: true, number: true, displayName: true, ownerUserId: true, sipAccountId: true },
    orderBy: { number: "asc" },
  });
  return extensions.flatMap((e) =>
    e.sipAccountId ? [{ sipAccountId: e.sipAccountId, extensionId: e.id, extensionNumber: e.number, displayName: e.displayName, isOwn: e.ownerUserId === viewer.id }] : [],
  );
}

/**
 * Throws NOT_FOUND for an account the company does not have (another company's reads the
 * same), FORBIDDEN for a colleague's line when the viewer is an extension user, and INVALID
 * for an account that is not a phone line with an extension.
 */
export async function assertMayStartFrom(db: TenantDb, viewer: CallbackViewer, sipAccountId: string): Promise<void> {
  const account = await db.sipAccount.findUnique({ where: { id: sipAccountId }, select: { type: true, extension: { select: { ownerUserId: true } } } });
  if (!account) throw new AppError("NOT_FOUND", "That SIP account does not exist.");
  if (!isCompanyAdmin(viewer) && account.extension?.ownerUserId !== viewer.id) {
    throw new AppError("FORBIDDEN", "You can only start calls from your own extension.");
  }
  if (account.type !== "CENTREX_LINE" || !account.extension) throw new AppError("INVALID", "Calls can only start from a phone line with an extension.");
}

/** The requests the viewer may read: the company's for admins, their own for everyone else. */
export const visibleRequestsWhere = (viewer: CallbackViewer): Prisma.CallbackRequestWhereInput =>
  isCompanyAdmin(viewer) ? {} : { requestedByUserId: viewer.id };
