/** ARI `playbacks` and `recordings` operations. */
import type { AriRequest } from "./request";
import type { LiveRecording, Playback, StoredRecording } from "./types";

export function playbacksApi(request: AriRequest) {
  const pb = (playbackId: string) => ({ pathParams: { playbackId } });
  return {
    get: (playbackId: string) => request<Playback>("GET", "/playbacks/{playbackId}", pb(playbackId)),
    stop: (playbackId: string) => request<void>("DELETE", "/playbacks/{playbackId}", pb(playbackId)),
  };
}

export function recordingsApi(request: AriRequest) {
  const rec = (recordingName: string) => ({ pathParams: { recordingName } });
  return {
    getLive: (name: string) => request<LiveRecording>("GET", "/recordings/live/{recordingName}", rec(name)),
    /** Stops and keeps the file (it becomes a stored recording). */
    stopLive: (name: string) => request<void>("POST", "/recordings/live/{recordingName}/stop", rec(name)),
    /** Stops and discards the file. */
    cancelLive: (name: string) => request<void>("DELETE", "/recordings/live/{recordingName}", rec(name)),
    getStored: (name: string) => request<StoredRecording>("GET", "/recordings/stored/{recordingName}", rec(name)),
    /**
     * The stored recording's file as Asterisk wrote it (ARI 14+; `binary` in the spec). 404:
     * no such recording (yet: it is stored only once RecordingFinished); 403: unreadable file.
     */
    getStoredFile: (name: string) =>
      request<Buffer>("GET", "/recordings/stored/{recordingName}/file", { ...rec(name), responseType: "bytes" }),
    deleteStored: (name: string) => request<void>("DELETE", "/recordings/stored/{recordingName}", rec(name)),
  };
}
