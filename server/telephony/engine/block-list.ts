import type { BlockIndex } from "./types";

/**
 * Why an inbound caller is blocked, or null if they may call. `callerE164` null means the
 * caller withheld their number (or sent something unparseable, which we treat the same).
 * Cost: one Set hit for exact rules plus at most (max - min + 1) for prefix rules.
 */
export function findBlockReason(index: BlockIndex, callerE164: string | null): string | null {
  if (callerE164 === null) {
    return index.isAnonymousBlocked ? "caller withheld their number and anonymous calls are blocked" : null;
  }
  if (index.exact.has(callerE164)) return `caller ${callerE164} is on the block list`;
  const longest = Math.min(index.maxPrefixLength, callerE164.length);
  for (let length = index.minPrefixLength; length <= longest && length > 0; length++) {
    const prefix = callerE164.slice(0, length);
    if (index.prefixes.has(prefix)) return `caller ${callerE164} matches blocked prefix ${prefix}`;
  }
  return null;
}
