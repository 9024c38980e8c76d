/**
 * Requests an earlier worker process of this node claimed and never finished (it was killed
 * mid-call). On start-up, after the orphaned calls were settled (stasis/orphan-calls.ts hangs
 * up every channel that process left, so none of its requests' channels is still up), each
 * becomes COMPLETED if its parties had been connected, else FAILED/WORKER_LOST. They are not
 * placed again: a callback that rings twice surprises people more than one that failed.
 */
import type { Logger } from "../log";
import type { CallbackStore } from "./callback-store";

export async function recoverLostCallbacks(deps: { store: CallbackStore; nodeId: string; workerId: string; log: Logger; clock: () => Date; isKnown: (channelId: string) => boolean }): Promise<number> {
  const left = await deps.store.findLeftBy(deps.nodeId, deps.workerId);
  let settled = 0;
  for (const row of left) {
    // A channel this process handles is no lost call (never the case for another process's ids).
    if ([row.firstChannelId, row.secondChannelId].some((id) => id && deps.isKnown(id))) continue;
    const now = deps.clock();
    const isSettled = row.state === "CONNECTED"
      ? await deps.store.advance(row, "CONNECTED", "COMPLETED", { endedAt: now })
      : await deps.store.fail(row, "WORKER_LOST", "The telephony worker placing the call stopped before it ended.", now);
    if (isSettled) settled++;
  }
  if (settled > 0) deps.log.warn("settled callback requests left by a previous worker", { settled });
  return settled;
}
