/**
 * What a viewer of call data may reach: a customer admin the whole company, an extension
 * user the calls of the extensions they own; and whether rates and costs are theirs to see,
 * decided by the one rule in cost-visibility.ts.
 */
import { AppError } from "../../errors";
import type { Role } from "../../generated/prisma/enums";
import type { Prisma } from "../../generated/prisma/client";
import type { TenantDb, TenantScope } from "../../tenancy";
import { canSeeCallCosts } from "./cost-visibility";

export type CallViewer = { id: string; role: Role };
type Reached = { id: string; number: string };

/** null: the whole company. Otherwise the extensions whose calls the viewer sees (maybe none). */
export async function reachedExtensions(db: TenantDb, viewer: CallViewer, extensionId: string | undefined): Promise<Reached[] | null> {
  const select = { id: true, number: true } as const;
  if (viewer.role === "CUSTOMER_ADMIN") {
    if (!extensionId) return null;
    const one = await db.extension.findUnique({ where: { id: extensionId }, select });
    if (!one) throw new AppError("NOT_FOUND", "That extension does not exist.");
    return [one];
  }
  const own = await db.extension.findMany({ where: { ownerUserId: viewer.id }, select, orderBy: { number: "asc" } });
  if (!extensionId) return own;
  const one = own.find((e) => e.id === extensionId);
  // A colleague's extension reads as missing, like another company's: ids reveal nothing.
  if (!one) throw new AppError("NOT_FOUND", "That extension does not exist.");
  return [one];
}

/** The calls of these extensions: made from them, answered on them, or internal calls to their numbers. */
export function callsOfExtensions(extensions: Reached[]): Prisma.CallRecordWhereInput {
  const ids = extensions.map((e) => e.id);
  return {
    OR: [
      { extensionId: { in: ids } },
      { answeredByExtensionId: { in: ids } },
      { direction: "INTERNAL", calledNumber: { in: extensions.map((e) => e.number) } },
    ],
  };
}

/** Whether this viewer sees rates and costs (cost-visibility.ts): the partner's policy, the company's switch, the user's account. */
export async function viewerSeesCosts({ db, tenantId }: TenantScope, viewer: CallViewer): Promise<boolean> {
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { callCostVisibility: true, showCallCosts: true, partner: { select: { callCostVisibility: true } } },
  });
  let accountShowsCosts: boolean | null = null;
  if (viewer.role === "EXTENSION_USER") {
    const accounts = await db.extension.findMany({ where: { ownerUserId: viewer.id, sipAccountId: { not: null } }, select: { sipAccount: { select: { showCallCosts: true } } } });
    // Several lines: costs only when every one of them shows them (the stricter reading).
    const flags = accounts.flatMap((a) => (a.sipAccount ? [a.sipAccount.showCallCosts] : []));
    accountShowsCosts = flags.length === 0 ? null : flags.every(Boolean);
  }
  return canSeeCallCosts({
    role: viewer.role,
    partnerPolicy: tenant.partner.callCostVisibility,
    tenantPolicy: tenant.callCostVisibility,
    tenantShowsCosts: tenant.showCallCosts,
    accountShowsCosts,
  });
}
