/**
 * The worker's writes of call recordings (the raw client is allowed only under dialplan/).
 * The Recording row and the CDR's link to it are one transaction, so a CDR never points at a
 * row that is not there.
 */
import type { Db } from "@/server/db";
import type { CallDirection } from "@/server/generated/prisma/enums";

export interface RecordingRow {
  id: string;
  tenantId: string;
  channelId: string;
  extensionId: string;
  direction: CallDirection;
  callerNumber: string;
  calledNumber: string;
  startedAt: Date;
  durationMs: number;
  sizeBytes: number;
  fileKey: string;
}

/** Inserts the row and sets CallRecord.recordingRef; `isLinked` false = no CDR with that channel. */
export async function saveRecording(db: Db, row: RecordingRow): Promise<{ isLinked: boolean }> {
  return db.$transaction(async (tx) => {
    await tx.recording.create({ data: row });
    const linked = await tx.callRecord.updateMany({
      where: { tenantId: row.tenantId, channelId: row.channelId },
      data: { recordingRef: row.id },
    });
    return { isLinked: linked.count > 0 };
  });
}
