/**
 * The order a hunt group's strategy rings its members in, before unavailable members are
 * skipped. Pure over `state`: the worker passes the round-robin cursors, usage and random
 * source, tests pass fixed ones.
 */
import type { HuntGroupConfig, RoutingState } from "./types";

type Member = HuntGroupConfig["members"][number];

/** Rotates the full list by the cursor, so skipping an absent member does not shift everyone else. */
export function roundRobinOffset(cursor: number, size: number): number {
  if (size === 0 || !Number.isFinite(cursor)) return 0;
  return ((Math.floor(cursor) % size) + size) % size;
}

function shuffled(members: readonly Member[], random: () => number): Member[] {
  const list = [...members];
  for (let i = list.length - 1; i > 0; i--) {
    const r = random();
    const j = Number.isFinite(r) ? Math.min(i, Math.max(0, Math.floor(r * (i + 1)))) : 0;
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function leastUsed(group: HuntGroupConfig, state: RoutingState): Member[] {
  const ranked = group.members.map((member, position) => ({ member, position, usage: state.usage.get(member.extensionId) }));
  const key = group.leastUsedBy === "longestIdle"
    // Never called counts as idle the longest.
    ? (u: (typeof ranked)[number]) => u.usage?.lastCallEndedAt?.getTime() ?? Number.NEGATIVE_INFINITY
    : (u: (typeof ranked)[number]) => u.usage?.answeredToday ?? 0;
  ranked.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const byKey = Number.isNaN(ka) || Number.isNaN(kb) || ka === kb ? 0 : ka < kb ? -1 : 1;
    return byKey !== 0 ? byKey : a.position - b.position;
  });
  return ranked.map((r) => r.member);
}

/** Members in ring order; `cursor` is set for round robin (the worker claims it). */
export function huntOrder(group: HuntGroupConfig, state: RoutingState): { members: readonly Member[]; cursor: number | null } {
  switch (group.strategy) {
    case "roundRobin": {
      const cursor = state.roundRobinCursors.get(group.id) ?? 0;
      const offset = roundRobinOffset(cursor, group.members.length);
      return { members: offset === 0 ? group.members : group.members.slice(offset).concat(group.members.slice(0, offset)), cursor };
    }
    case "leastUsed":
      return { members: leastUsed(group, state), cursor: null };
    case "random":
      return { members: shuffled(group.members, state.random), cursor: null };
    default:
      return { members: group.members, cursor: null }; // read only: no copy per call
  }
}
