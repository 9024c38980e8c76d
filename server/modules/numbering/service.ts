/**
 * One dial-plan namespace per tenant: whatever a caller can dial inside the company (an
 * extension today; hunt groups, IVR menus and feature codes as they arrive) must be unique
 * across all of them, or the router could not tell which one a dialled number means.
 */
import { AppError } from "../../errors";
import type { TenantDb } from "../../tenancy";

/** The scoped client or one of its transactions: either keeps the tenant filter. */
type NumberingDb = Pick<TenantDb, "extension">;

/**
 * Throws CONFLICT (with a field message on `number`) when `number` is already dialable in the
 * tenant. `exceptExtensionId` lets an extension keep its own number on update.
 * Hunt groups and IVR menus add their lookups here when they land (issue 4 follow-ups).
 */
export async function assertNumberFree(db: NumberingDb, number: string, exceptExtensionId?: string): Promise<void> {
  const extension = await db.extension.findFirst({
    where: { number, ...(exceptExtensionId ? { id: { not: exceptExtensionId } } : {}) },
    select: { number: true, displayName: true },
  });
  if (extension) {
    const message = `Extension ${extension.number} (${extension.displayName}) already uses this number.`;
    throw new AppError("CONFLICT", message, { fieldErrors: { number: message } });
  }
}
