/**
 * Reading hunt groups: the list page's rows and one group for its form. JSON columns are
 * parsed again on read; an overflow that no longer fits its schema reads as "hang up".
 */
import { AppError } from "../../../errors";
import type { TenantDb, TenantScope } from "../../../tenancy";
import { readStored, ZRoutingDestination } from "../stored";
import { LEAST_USED_FROM_DB, STRATEGY_FROM_DB } from "./domain";

export const huntGroupSelect = {
  id: true,
  number: true,
  name: true,
  strategy: true,
  leastUsedBy: true,
  ringSec: true,
  allowCallWaiting: true,
  overflow: true,
  members: {
    orderBy: { position: "asc" },
    select: { extensionId: true, ringSec: true, extension: { select: { number: true, displayName: true } } },
  },
} as const;

type HuntGroupRow = {
  id: string;
  number: string;
  name: string;
  strategy: keyof typeof STRATEGY_FROM_DB;
  leastUsedBy: keyof typeof LEAST_USED_FROM_DB;
  ringSec: number;
  allowCallWaiting: boolean;
  overflow: unknown;
  members: { extensionId: string; ringSec: number; extension: { number: string; displayName: string } }[];
};

export function toHuntGroupView(row: HuntGroupRow) {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    strategy: STRATEGY_FROM_DB[row.strategy],
    leastUsedBy: LEAST_USED_FROM_DB[row.leastUsedBy],
    ringSec: row.ringSec,
    allowCallWaiting: row.allowCallWaiting,
    overflow: readStored(ZRoutingDestination, row.overflow),
    members: row.members.map((m) => ({ extensionId: m.extensionId, ringSec: m.ringSec, number: m.extension.number, displayName: m.extension.displayName })),
  };
}
export type HuntGroupView = ReturnType<typeof toHuntGroupView>;

/** The company's hunt groups by number, each with its members in ringing order. */
export async function findHuntGroups({ db }: TenantScope): Promise<HuntGroupView[]> {
  const rows = await db.huntGroup.findMany({ orderBy: { number: "asc" }, select: huntGroupSelect });
  return rows.map(toHuntGroupView);
}

/** One group; NOT_FOUND when it is not the company's (or no longer exists). */
export async function readHuntGroup(db: Pick<TenantDb, "huntGroup">, id: string): Promise<HuntGroupView> {
  const row = await db.huntGroup.findUnique({ where: { id }, select: huntGroupSelect });
  if (!row) throw new AppError("NOT_FOUND", "That hunt group does not exist.");
  return toHuntGroupView(row);
}

export const getHuntGroup = ({ db }: TenantScope, id: string) => readHuntGroup(db, id);

/** What the form offers: the company's extensions as members (with "no phone yet" hints). */
export async function findHuntGroupMemberOptions({ db }: TenantScope) {
  const rows = await db.extension.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, displayName: true, sipAccountId: true } });
  return rows.map((e) => ({ id: e.id, number: e.number, displayName: e.displayName, hasPhone: e.sipAccountId !== null }));
}
