/** Live recordings of channels and bridges; finished ones become stored recordings. */
import type { SimCore } from "./core";
import { AriHttpError } from "./http-error";
import { appsForTarget, finishPlayback } from "./media";
import type { SimRecording } from "./sim-types";
import { recordingJson } from "./views";

const FORMATS = new Set(["wav", "wav16", "gsm", "ulaw", "alaw", "sln", "g722", "g729", "ogg"]);

export interface RecordParams {
  name: string;
  format: string;
  maxDurationSeconds?: number;
  ifExists?: string;
  terminateOn?: string;
}

function emitRecording(core: SimCore, rec: SimRecording, type: string): void {
  core.hub.emit({ type, recording: recordingJson(rec) }, appsForTarget(core, rec.targetUri));
}

/** Starts recording `targetUri`; RecordingStarted follows the REST answer. */
export function startRecording(core: SimCore, targetUri: string, params: RecordParams): SimRecording {
  if (!FORMATS.has(params.format)) throw new AriHttpError(422, "The format specified is unknown on this system");
  if (core.liveRecordings.has(params.name)) throw new AriHttpError(409, "Recording with the same name is in progress");
  if (core.storedRecordings.has(params.name) && (params.ifExists ?? "fail") === "fail") {
    throw new AriHttpError(409, "A recording with the same name already exists on the system");
  }
  const rec: SimRecording = {
    name: params.name,
    format: params.format,
    targetUri,
    state: "queued",
    startedAt: Date.now(),
    terminateOn: params.terminateOn ?? "none",
  };
  core.liveRecordings.set(rec.name, rec);
  core.after(0, () => {
    if (rec.state !== "queued") return;
    rec.state = "recording";
    rec.startedAt = Date.now();
    emitRecording(core, rec, "RecordingStarted");
    const max = params.maxDurationSeconds ?? 0;
    if (max > 0) rec.timer = core.after(max * 1000, () => finishRecording(core, rec, "done", max));
  });
  return rec;
}

/**
 * Stops a live recording: "done" keeps the file as a stored recording, "canceled" discards it.
 * `capSec` is the max duration that ended it: a late timer must not make the file longer.
 */
export function finishRecording(core: SimCore, rec: SimRecording, state: "done" | "canceled", capSec = Infinity): void {
  if (!core.liveRecordings.has(rec.name)) return;
  core.cancel(rec.timer);
  core.liveRecordings.delete(rec.name);
  const durationMs = Math.min(capSec * 1000, Math.round(core.simElapsedMs(rec.startedAt)));
  rec.durationSec = Math.round(durationMs / 1000);
  rec.state = state;
  if (state === "done") core.storedRecordings.set(rec.name, { name: rec.name, format: rec.format, durationSec: rec.durationSec, durationMs });
  // Asterisk reports both outcomes as RecordingFinished; only a failure is RecordingFailed.
  emitRecording(core, rec, "RecordingFinished");
}

/** A DTMF digit on a channel ends its recordings whose `terminateOn` matches. */
export function onRecordingDtmf(core: SimCore, channelId: string, digit: string): void {
  for (const rec of [...core.liveRecordings.values()]) {
    if (rec.targetUri !== `channel:${channelId}` || rec.terminateOn === "none") continue;
    if (rec.terminateOn === "any" || rec.terminateOn === digit) finishRecording(core, rec, "done");
  }
}

/** Ends every playback and recording on a target that is going away. */
export function stopMediaFor(core: SimCore, targetUri: string): void {
  for (const pb of [...core.playbacks.values()]) if (pb.targetUri === targetUri) finishPlayback(core, pb, "done");
  for (const rec of [...core.liveRecordings.values()]) if (rec.targetUri === targetUri) finishRecording(core, rec, "done");
}
