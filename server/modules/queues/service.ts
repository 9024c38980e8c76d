/**
 * Reading call queues: the list page's rows and one queue for its form. JSON columns are
 * parsed again on read; a destination that no longer fits its schema reads as "hang up".
 */
import { AppError } from "../../errors";
import type { TenantDb, TenantScope } from "../../tenancy";
import { LEAST_USED_FROM_DB, STRATEGY_FROM_DB } from "../routing/hunt-groups/domain";
import { findHuntGroupMemberOptions } from "../routing/hunt-groups/service";
import { readStored, ZRoutingDestination } from "../routing/stored";
import { WHEN_NO_MEMBERS_FROM_DB } from "./domain";

export const callQueueSelect = {
  id: true,
  number: true,
  name: true,
  strategy: true,
  leastUsedBy: true,
  memberRingSec: true,
  retrySec: true,
  maxWaitSec: true,
  timeoutDestination: true,
  holdPromptId: true,
  announcePosition: true,
  announceWaitTime: true,
  announceEverySec: true,
  whenNoMembers: true,
  noMembersDestination: true,
  members: {
    orderBy: { position: "asc" },
    select: { extensionId: true, isLoggedIn: true, loginChangedAt: true, extension: { select: { number: true, displayName: true } } },
  },
  dids: { select: { number: true }, orderBy: { number: "asc" } },
} as const;

type CallQueueRow = {
  id: string;
  number: string;
  name: string;
  strategy: keyof typeof STRATEGY_FROM_DB;
  leastUsedBy: keyof typeof LEAST_USED_FROM_DB;
  memberRingSec: number;
  retrySec: number;
  maxWaitSec: number;
  timeoutDestination: unknown;
  holdPromptId: string | null;
  announcePosition: boolean;
  announceWaitTime: boolean;
  announceEverySec: number;
  whenNoMembers: keyof typeof WHEN_NO_MEMBERS_FROM_DB;
  noMembersDestination: unknown;
  members: { extensionId: string; isLoggedIn: boolean; loginChangedAt: Date; extension: { number: string; displayName: string } }[];
  dids: { number: string }[];
};

export function toCallQueueView(row: CallQueueRow) {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    strategy: STRATEGY_FROM_DB[row.strategy],
    leastUsedBy: LEAST_USED_FROM_DB[row.leastUsedBy],
    memberRingSec: row.memberRingSec,
    retrySec: row.retrySec,
    maxWaitSec: row.maxWaitSec,
    timeoutDestination: readStored(ZRoutingDestination, row.timeoutDestination),
    holdPromptId: row.holdPromptId,
    announcePosition: row.announcePosition,
    announceWaitTime: row.announceWaitTime,
    announceEverySec: row.announceEverySec,
    whenNoMembers: WHEN_NO_MEMBERS_FROM_DB[row.whenNoMembers],
    noMembersDestination: readStored(ZRoutingDestination, row.noMembersDestination),
    members: row.members.map((m) => ({ extensionId: m.extensionId, number: m.extension.number, displayName: m.extension.displayName, isLoggedIn: m.isLoggedIn, loginChangedAt: m.loginChangedAt })),
    /** The company's numbers that ring this queue. */
    numbers: row.dids.map((d) => d.number),
  };
}
export type CallQueueView = ReturnType<typeof toCallQueueView>;

/** The company's queues by number, each with its members in ringing order. */
export async function findCallQueues({ db }: TenantScope): Promise<CallQueueView[]> {
  const rows = await db.callQueue.findMany({ orderBy: { number: "asc" }, select: callQueueSelect });
  return rows.map(toCallQueueView);
}

/** One queue; NOT_FOUND when it is not the company's (or no longer exists). */
export async function readCallQueue(db: Pick<TenantDb, "callQueue">, id: string): Promise<CallQueueView> {
  const row = await db.callQueue.findUnique({ where: { id }, select: callQueueSelect });
  if (!row) throw new AppError("NOT_FOUND", "That call queue does not exist.");
  return toCallQueueView(row);
}

export const getCallQueue = ({ db }: TenantScope, id: string) => readCallQueue(db, id);

/** Members are offered as for hunt groups: the company's extensions, with "no phone yet" hints. */
export const findCallQueueMemberOptions = (scope: TenantScope) => findHuntGroupMemberOptions(scope);
