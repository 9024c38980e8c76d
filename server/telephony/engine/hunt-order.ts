/**
 * The order a hunt group's strategy rings its members in, before unavailable members are
 * skipped. Pure over `state`: the worker passes the round-robin cursors, usage and random
 * source, tests pass fixed ones.
 */
import type { HuntGroupConfig, RoutingState } from "./types";

/** Anything naming a member extension: the config's members, or the compiled ones. */
interface Member {
  extensionId: string;
}

/** Rotates the full list by the cursor, so skipping an absent member does not shift everyone else. */
export function roundRobinOffset(cursor: number, size: number): number {
  if (size === 0 || !Number.isFinite(cursor)) return 0;
  return ((Math.floor(cursor) % size) + size) % size;
}

function shuffled<M extends Member>(members: readonly M[], random: () => number): M[] {
  const list = [...members];
  for (let i = list.length - 1; i > 0; i--) {
    const r = random();
    const j = Number.isFinite(r) ? Math.min(i, Math.max(0, Math.floor(r * (i + 1)))) : 0;
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function leastUsed<M extends Member>(group: HuntGroupConfig, members: readonly M[], state: RoutingState): M[] {
  const ranked = members.map((member, position) => ({ member, position, usage: state.usage.get(member.extensionId) }));
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
export function huntOrder<M extends Member>(group: HuntGroupConfig, members: readonly M[], state: RoutingState): { members: readonly M[]; cursor: number | null } {
  switch (group.strategy) {
    case "roundRobin": {
      const cursor = state.roundRobinCursors.get(group.id) ?? 0;
      const offset = roundRobinOffset(cursor, members.length);
      return { members: offset === 0 ? members : members.slice(offset).concat(members.slice(0, offset)), cursor };
    }
    case "leastUsed":
      return { members: leastUsed(group, members, state), cursor: null };
    case "random":
      return { members: shuffled(members, state.random), cursor: null };
    default:
      return { members, cursor: null }; // read only: no copy per call
  }
}
