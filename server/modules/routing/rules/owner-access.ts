/**
 * Who may see and change whose rules: a company administrator any of its numbers and
 * extensions; an extension user only the extensions they own. Everything is read through the
 * tenant-scoped client, so another company's number or extension is NOT_FOUND before the
 * role is even looked at (nobody learns that it exists).
 */
import type { Role } from "../../../generated/prisma/enums";
import { AppError } from "../../../errors";
import type { TenantDb } from "../../../tenancy";

export type RuleUser = { id: string; role: Role };
type Reader = Pick<TenantDb, "did" | "extension">;

export type RuleOwnerRow =
  | { kind: "did"; id: string; number: string; targetExtensionId: string | null }
  | { kind: "extension"; id: string; number: string; displayName: string; voicemailEnabled: boolean };

const ownOnly = () => new AppError("FORBIDDEN", "You can only change the rules of your own extension.");

/** The number or extension, if this user may configure it; throws NOT_FOUND or FORBIDDEN. */
export async function getRuleOwner(db: Reader, user: RuleUser, owner: { didId: string } | { extensionId: string }): Promise<RuleOwnerRow> {
  if ("didId" in owner) {
    const did = await db.did.findUnique({ where: { id: owner.didId }, select: { id: true, number: true, targetExtensionId: true } });
    if (!did) throw new AppError("NOT_FOUND", "That number is not one of your company’s.");
    if (user.role !== "CUSTOMER_ADMIN") throw new AppError("FORBIDDEN", "Only your company’s administrators can change a number’s rules.");
    return { kind: "did", ...did };
  }
  const ext = await db.extension.findUnique({
    where: { id: owner.extensionId },
    select: { id: true, number: true, displayName: true, voicemailEnabled: true, ownerUserId: true },
  });
  if (!ext) throw new AppError("NOT_FOUND", "That extension does not exist.");
  if (user.role !== "CUSTOMER_ADMIN" && ext.ownerUserId !== user.id) throw ownOnly();
  const { ownerUserId: _owner, ...row } = ext;
  return { kind: "extension", ...row };
}

/** The owner as the audit log and headings name it: "+442071234500" or "201 · Alice". */
export const ownerLabel = (owner: RuleOwnerRow) => (owner.kind === "did" ? owner.number : `${owner.number} · ${owner.displayName}`);

/** The columns that tie a rule to its owner. */
export const ownerWhere = (owner: RuleOwnerRow) => (owner.kind === "did" ? { didId: owner.id } : { extensionId: owner.id });
