/**
 * Whose calls a report covers (DESIGN.md section 7): a company admin the whole company, an
 * extension user only the extensions they own; `extensionIds` narrows either. Ids of another
 * company's extensions, or of a colleague's for an extension user, are simply not in scope:
 * they yield nothing rather than an error, so ids reveal nothing.
 */
import type { Role } from "../../generated/prisma/enums";
import type { TenantScope } from "../../tenancy";
import type { ExtensionInfo } from "./domain";
import type { ExtensionFilter } from "./queries";

export type ReportViewer = { id: string; role: Role };

export type ReportScope = {
  /** The extensions that get a line (ordered later by number). */
  extensions: ExtensionInfo[];
  /** What the rollup query covers. */
  filter: ExtensionFilter;
  /** Lines for deleted extensions and "Company numbers": the whole-company view only. */
  includeOthers: boolean;
};

const EXTENSION_SELECT = { id: true, number: true, displayName: true } as const;

export async function resolveReportScope({ db }: TenantScope, viewer: ReportViewer, extensionIds?: readonly string[]): Promise<ReportScope> {
  const isAdmin = viewer.role === "CUSTOMER_ADMIN";
  const where = {
    ...(isAdmin ? {} : { ownerUserId: viewer.id }),
    ...(extensionIds ? { id: { in: [...extensionIds] } } : {}),
  };
  const extensions = await db.extension.findMany({ where, select: EXTENSION_SELECT });
  if (isAdmin && !extensionIds) return { extensions, filter: { all: true }, includeOthers: true };
  return { extensions, filter: { all: false, ids: extensions.map((e) => e.id) }, includeOthers: false };
}
