/**
 * Moves a finished call recording from Asterisk into the media store and the database:
 *   1. fetch the file over ARI (GET /recordings/stored/{name}/file; 404 until it is stored),
 *   2. check it is a WAV (wav-header) and read its length,
 *   3. write it to the media store under `<tenant>/recordings/<Recording id>.wav`,
 *   4. insert the Recording row and point the CDR's recordingRef at it (after the CDR landed),
 *   5. delete the stored recording from Asterisk.
 * Each of 1, 3 and 4 is retried with growing waits. The order keeps the invariants: a row
 * always has its file (file first, row second; a file left without a row by a crash is removed
 * by the retention job), the CDR is written whatever happens here, and the recording stays in
 * Asterisk until the copy is safe, so an operator can still recover what failed.
 */
import { randomUUID } from "node:crypto";
import { readWavFormat } from "@/server/media/audio/wav-header";
import { tenantFileKey } from "@/server/media/storage/tenant-file-key";
import type { AriClient } from "../ari";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { Logger } from "../log";
import type { ActiveRecording, CallRecorder } from "./record-call";

const DEFAULT_RETRY_DELAYS_MS = [500, 2000, 5000, 15_000] as const;

export interface Collection {
  recording: ActiveRecording;
  record: CallRecordInput;
  cdrWritten: Promise<void>;
}

/** Never rejects: every outcome is logged with tenant, channel and recording name. */
export async function collectRecording(ari: Pick<AriClient, "recordings">, recorder: CallRecorder, callLog: Logger, c: Collection): Promise<void> {
  const { recording, record } = c;
  const log = callLog.child({ tenantId: record.tenantId, recording: recording.name });
  if (!(await recording.started)) return;
  const retry = <T>(what: string, fn: () => Promise<T>) => withRetries(what, fn, recorder.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS, log);
  try {
    const bytes = await retry("fetch the recording from Asterisk", () => ari.recordings.getStoredFile(recording.name));
    const format = readWavFormat(bytes);
    if (!format) throw new Error(`Asterisk's file is not a WAV (${bytes.length} bytes)`);
    const id = randomUUID();
    const fileKey = tenantFileKey({ tenantId: record.tenantId, kind: "recordings", fileId: id, ext: "wav" });
    await retry("store the recording", () => recorder.store.put(fileKey, bytes));
    await c.cdrWritten; // the CDR first: its recordingRef is set next
    const { isLinked } = await retry("save the Recording row", () =>
      recorder.save({
        id,
        tenantId: record.tenantId,
        channelId: record.channelId,
        extensionId: recording.extensionId,
        direction: record.direction,
        callerNumber: record.callerNumber,
        calledNumber: record.calledNumber,
        startedAt: recording.startedAt,
        durationMs: format.durationMs,
        sizeBytes: bytes.length,
        fileKey,
      }),
    );
    if (!isLinked) log.warn("recording saved, but the call has no CDR to link it from", { recordingId: id });
    log.info("call recording saved", { recordingId: id, durationMs: format.durationMs, sizeBytes: bytes.length });
    await ari.recordings.deleteStored(recording.name).catch((err: unknown) => log.warn("could not delete the stored recording from Asterisk", { err }));
  } catch (err) {
    log.error("call recording lost from the portal; it stays in Asterisk's recordings folder", { err: String(err) });
  }
}

async function withRetries<T>(what: string, fn: () => Promise<T>, delaysMs: readonly number[], log: Logger): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delay = delaysMs[attempt];
      if (delay === undefined) throw new Error(`could not ${what} after ${attempt + 1} tries: ${String(err)}`, { cause: err });
      log.warn(`could not ${what}; retrying`, { attempt: attempt + 1, inMs: delay, err: String(err) });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
