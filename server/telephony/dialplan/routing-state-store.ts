/**
 * The moment's routing state (engine RoutingState) for hunt groups, read per call, and the
 * claim of round-robin cursors after routing.
 *
 * Round robin holds across restarts and across workers because the cursor lives only in
 * HuntGroup.roundRobinCursor and is advanced by compare-and-set: a claim succeeds only when
 * the cursor is still the value routing read. Two workers that read the same cursor cannot
 * both claim it; the loser re-reads and re-routes (stasis/decide-route.ts).
 */
import type { Db } from "@/server/db";
import type { RoutingState } from "../engine";
import { startOfLocalDay } from "./local-day";

/**
 * Busy extensions (on a call or on hold), answered calls today (the tenant's day) and the
 * last call's end per extension that answered, and every hunt group's cursor. Four queries,
 * whatever the size of the company.
 */
export async function loadRoutingState(db: Db, tenantId: string, timeZone: string, now: Date, random: () => number = Math.random): Promise<RoutingState> {
  const answered = { tenantId, answeredByExtensionId: { not: null } } as const;
  const [busy, today, lastEnded, groups] = await Promise.all([
    db.extensionCallState.findMany({ where: { tenantId, state: { in: ["IN_CALL", "ON_HOLD"] } }, select: { extensionId: true } }),
    db.callRecord.groupBy({ by: ["answeredByExtensionId"], where: { ...answered, disposition: "ANSWERED", answeredAt: { gte: startOfLocalDay(now, timeZone) } }, _count: { _all: true } }),
    db.callRecord.groupBy({ by: ["answeredByExtensionId"], where: answered, _max: { endedAt: true } }),
    db.huntGroup.findMany({ where: { tenantId }, select: { id: true, roundRobinCursor: true } }),
  ]);
  const usage = new Map<string, { answeredToday: number; lastCallEndedAt: Date | null }>();
  for (const row of lastEnded) usage.set(row.answeredByExtensionId!, { answeredToday: 0, lastCallEndedAt: row._max.endedAt });
  for (const row of today) {
    const id = row.answeredByExtensionId!;
    usage.set(id, { answeredToday: row._count._all, lastCallEndedAt: usage.get(id)?.lastCallEndedAt ?? null });
  }
  return {
    busyExtensionIds: new Set(busy.map((b) => b.extensionId)),
    roundRobinCursors: new Map(groups.map((g) => [g.id, g.roundRobinCursor])),
    usage,
    random,
  };
}

/**
 * Advances every cursor the plan used, all or none: true when each was still at the value
 * routing read (now one further), false when another call took one first (nothing changed).
 * `table`: hunt groups' cursors (the plan's claims) or call queues' (a queue attempt's, whose
 * claims carry the queue id in `huntGroupId`).
 */
export async function claimRoundRobin(
  db: Db, tenantId: string, claims: readonly { huntGroupId: string; cursor: number }[], table: "huntGroup" | "callQueue" = "huntGroup",
): Promise<boolean> {
  if (claims.length === 0) return true;
  try {
    await db.$transaction(async (tx) => {
      for (const claim of claims) {
        const where = { id: claim.huntGroupId, tenantId, roundRobinCursor: claim.cursor };
        const data = { roundRobinCursor: { increment: 1 } };
        const { count } = table === "huntGroup" ? await tx.huntGroup.updateMany({ where, data }) : await tx.callQueue.updateMany({ where, data });
        if (count !== 1) throw new LostClaim();
      }
    });
    return true;
  } catch (err) {
    if (err instanceof LostClaim) return false;
    throw err;
  }
}

class LostClaim extends Error {}
