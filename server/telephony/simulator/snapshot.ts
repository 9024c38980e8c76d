/** Read-only views of the simulator for test assertions and the demo's traffic page. */
import type { Bridge, Channel, ConfigTuple, Endpoint, LiveRecording, Playback } from "../ari/types";
import type { SimCore } from "./core";
import { isPlayingOn } from "./media";
import type { DialplanTarget, PhoneRegistration } from "./sim-types";
import { bridgeJson, channelJson, endpointJson, endpointResources, playbackJson, recordingJson } from "./views";

export interface ChannelSnapshot extends Channel {
  stasisApp?: string;
  bridgeId?: string;
  isDialing: boolean;
  isHeld: boolean;
  /** The music-on-hold class playing on the channel, if any. */
  mohClass?: string;
  continuedTo: DialplanTarget[];
  variables: Record<string, string>;
}

export interface SimSnapshot {
  /** Registered Stasis apps and whether a WebSocket currently serves each. */
  apps: { name: string; isConnected: boolean; isSubscribedToAll: boolean }[];
  channels: ChannelSnapshot[];
  bridges: Bridge[];
  endpoints: Endpoint[];
  registrations: PhoneRegistration[];
  /** Dynamic config objects by `configClass/objectType/id`. */
  config: Record<string, ConfigTuple[]>;
  playbacks: Playback[];
  liveRecordings: LiveRecording[];
  storedRecordings: { name: string; format: string; durationSec: number }[];
  /** Recently destroyed channels with their cause and where they were continued to. */
  destroyed: SimCore["destroyed"];
}

export function snapshotOf(core: SimCore): SimSnapshot {
  return {
    apps: [...core.hub.apps.values()].map((a) => ({ name: a.name, isConnected: a.socket !== undefined, isSubscribedToAll: a.isSubscribedToAll })),
    channels: [...core.channels.values()].map((ch) => ({
      ...channelJson(ch),
      ...(ch.stasis ? { stasisApp: ch.stasis.app } : {}),
      ...(ch.bridgeId ? { bridgeId: ch.bridgeId } : {}),
      isDialing: ch.dial !== undefined,
      isHeld: ch.isHeld,
      ...(ch.mohClass !== undefined ? { mohClass: ch.mohClass } : {}),
      continuedTo: [...ch.continuedTo],
      variables: Object.fromEntries(ch.vars),
    })),
    bridges: [...core.bridges.values()].map(bridgeJson),
    endpoints: endpointResources(core).map((r) => endpointJson(core, r)),
    registrations: [...core.registrations.values()].map((r) => ({ ...r })),
    config: Object.fromEntries([...core.config].map(([k, v]) => [k, v.map((t) => ({ ...t }))])),
    playbacks: [...core.playbacks.values()].map(playbackJson),
    liveRecordings: [...core.liveRecordings.values()].map(recordingJson),
    storedRecordings: [...core.storedRecordings.values()].map((r) => ({ ...r })),
    destroyed: [...core.destroyed],
  };
}

/**
 * Channels a caller would experience as abandoned: alive, not bridged, not being dialed,
 * not running dialplan, hearing no playback, ringback indication or music on hold, and with
 * no event for `idleMs` simulated ms. A channel parked in Stasis in that condition counts
 * too: the caller hears silence whatever the reason. The worker bench requires zero.
 */
export function strandedChannelsOf(core: SimCore, idleMs: number): Channel[] {
  return [...core.channels.values()]
    .filter((ch) =>
      !ch.bridgeId
      && !ch.dial
      && !ch.dialplanRun
      && !ch.isRingIndicated
      && ch.mohClass === undefined
      && !isPlayingOn(core, `channel:${ch.id}`)
      && ![...core.liveRecordings.values()].some((r) => r.targetUri === `channel:${ch.id}`)
      && core.simElapsedMs(ch.lastActivityAt) >= idleMs)
    .map(channelJson);
}
