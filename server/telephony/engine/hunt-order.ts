/**
 * The order a hunt group's strategy rings its members in, before unavailable members are
 * skipped. Pure over `state`: the worker passes the round-robin cursors, usage and random
 * source, tests pass fixed ones.
 */
import type { HuntGroupConfig, RoutingState } from "./types";

/** What ordering reads of a hunt group or a call queue (whose cursor is kept under its own id). */
type Ordered = Pick<HuntGroupConfig, "id" | "strategy" | "leastUsedBy">;

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

interface Ranked<M> {
  member: M;
  position: number;
  key: number;
}

/** Ascending key, NaN ties; ties by configured position. Module level: no closure per call. */
function byKeyThenPosition<M>(a: Ranked<M>, b: Ranked<M>): number {
  const byKey = Number.isNaN(a.key) || Number.isNaN(b.key) || a.key === b.key ? 0 : a.key < b.key ? -1 : 1;
  return byKey !== 0 ? byKey : a.position - b.position;
}

function leastUsed<M extends Member>(group: Ordered, members: readonly M[], state: RoutingState): M[] {
  const isLongestIdle = group.leastUsedBy === "longestIdle";
  const ranked: Ranked<M>[] = new Array(members.length);
  for (let position = 0; position < members.length; position++) {
    const member = members[position]!;
    const usage = state.usage.get(member.extensionId);
    // Never called counts as idle the longest.
    const key = isLongestIdle ? usage?.lastCallEndedAt?.getTime() ?? Number.NEGATIVE_INFINITY : usage?.answeredToday ?? 0;
    ranked[position] = { member, position, key };
  }
  ranked.sort(byKeyThenPosition);
  const ordered: M[] = new Array(ranked.length);
  for (let i = 0; i < ranked.length; i++) ordered[i] = ranked[i]!.member;
  return ordered;
}

/** The list rotated to start at `offset`, in one array. */
function rotated<M>(members: readonly M[], offset: number): M[] {
  const list: M[] = new Array(members.length);
  for (let i = 0; i < members.length; i++) list[i] = members[(offset + i) % members.length]!;
  return list;
}

/** Members in ring order; `cursor` is set for round robin (the worker claims it). */
export function huntOrder<M extends Member>(group: Ordered, members: readonly M[], state: RoutingState): { members: readonly M[]; cursor: number | null } {
  switch (group.strategy) {
    case "roundRobin": {
      const cursor = state.roundRobinCursors.get(group.id) ?? 0;
      const offset = roundRobinOffset(cursor, members.length);
      return { members: offset === 0 ? members : rotated(members, offset), cursor };
    }
    case "leastUsed":
      return { members: leastUsed(group, members, state), cursor: null };
    case "random":
      return { members: shuffled(members, state.random), cursor: null };
    default:
      return { members, cursor: null }; // read only: no copy per call
  }
}
