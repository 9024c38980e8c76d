/**
 * Playbacks. Durations come from a table of sound lengths (simulated ms, scaled by speed);
 * `tone:` plays until stopped, like Asterisk's indications.
 */
import { appsForBridge } from "./bridges";
import type { SimCore } from "./core";
import type { SimPlayback } from "./sim-types";
import { playbackJson } from "./views";

/** Apps that hear about media on `channel:<id>` or `bridge:<id>`. */
export function appsForTarget(core: SimCore, targetUri: string): string[] {
  const [kind, id = ""] = targetUri.split(/:(.*)/s);
  if (kind === "bridge") {
    const bridge = core.bridges.get(id);
    return bridge ? appsForBridge(core, bridge) : core.hub.appsFor({ bridgeId: id });
  }
  const ch = core.channels.get(id);
  return core.hub.appsFor({ channelId: id, ...(ch ? { endpointId: ch.endpointId } : {}) });
}

const touchTarget = (core: SimCore, targetUri: string) => {
  const ch = targetUri.startsWith("channel:") ? core.channels.get(targetUri.slice(8)) : undefined;
  if (ch) ch.lastActivityAt = Date.now();
};

/** Simulated duration of one media URI: a number of ms, "forever" (tones), or "failed". */
export function mediaDurationMs(core: SimCore, uri: string): number | "forever" | "failed" {
  const [scheme, rest = ""] = uri.split(/:(.*)/s);
  switch (scheme) {
    case "sound":
      return core.options.soundDurationsMs[rest] ?? core.options.defaultSoundMs;
    case "recording": {
      const stored = core.storedRecordings.get(rest);
      return stored ? stored.durationSec * 1000 : "failed";
    }
    case "digits":
    case "characters":
    case "number":
      return Math.max(1, rest.length) * 250;
    case "tone":
      return "forever";
    default:
      return "failed";
  }
}

function emitPlayback(core: SimCore, pb: SimPlayback, type: string): void {
  touchTarget(core, pb.targetUri);
  core.hub.emit({ type, playback: playbackJson(pb) }, appsForTarget(core, pb.targetUri));
}

/** Queues media on a target; events follow asynchronously, as the REST answer comes first. */
export function startPlayback(core: SimCore, targetUri: string, mediaUris: string[], opts: { id?: string; lang?: string }): SimPlayback {
  const pb: SimPlayback = {
    id: opts.id ?? core.uuid(),
    mediaUris,
    index: 0,
    targetUri,
    language: opts.lang ?? "en",
    state: "queued",
  };
  core.playbacks.set(pb.id, pb);
  pb.timer = core.after(0, () => playCurrent(core, pb));
  return pb;
}

function playCurrent(core: SimCore, pb: SimPlayback): void {
  const duration = mediaDurationMs(core, pb.mediaUris[pb.index] ?? "");
  if (duration === "failed") return finishPlayback(core, pb, "failed");
  if (pb.index === 0) {
    pb.state = "playing";
    emitPlayback(core, pb, "PlaybackStarted");
  }
  if (duration === "forever") return;
  pb.timer = core.after(duration, () => {
    if (pb.index + 1 >= pb.mediaUris.length) return finishPlayback(core, pb, "done");
    pb.state = "continuing";
    emitPlayback(core, pb, "PlaybackContinuing");
    pb.index += 1;
    pb.state = "playing";
    playCurrent(core, pb);
  });
}

/** Ends a playback (finished, stopped, or its target went away); Asterisk then forgets it. */
export function finishPlayback(core: SimCore, pb: SimPlayback, state: "done" | "failed"): void {
  if (!core.playbacks.has(pb.id)) return;
  core.cancel(pb.timer);
  core.playbacks.delete(pb.id);
  pb.state = state;
  emitPlayback(core, pb, "PlaybackFinished");
}

export const isPlayingOn = (core: SimCore, targetUri: string): boolean =>
  [...core.playbacks.values()].some((p) => p.targetUri === targetUri);
