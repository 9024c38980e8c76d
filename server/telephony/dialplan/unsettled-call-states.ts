/**
 * Extension call states that say a call is going on (ringing, in call, on hold), for the
 * worker's start-up clean-up: after a crash, rows of calls nobody finished stay behind.
 */
import type { Db } from "@/server/db";

export interface UnsettledCallState {
  extensionId: string;
  tenantId: string;
  channelId: string | null;
  state: "RINGING" | "IN_CALL" | "ON_HOLD";
  /** When the state began: for IN_CALL and ON_HOLD, when the call was answered. */
  since: Date | null;
}

export async function findUnsettledCallStates(db: Db): Promise<UnsettledCallState[]> {
  const rows = await db.extensionCallState.findMany({
    where: { state: { not: "IDLE" } },
    select: { extensionId: true, tenantId: true, channelId: true, state: true, since: true },
  });
  return rows.filter((r): r is UnsettledCallState => r.state !== "IDLE");
}
