/** ARI `bridges` operations, plus the play/record option shapes shared with channels. */
import type { RECORDING_IF_EXISTS, RECORDING_TERMINATE_ON } from "./operations";
import type { AriRequest } from "./request";
import type { Bridge, LiveRecording, Playback } from "./types";

export interface PlayOptions {
  /** Caller-chosen id, so a PlaybackFinished can be matched without racing the response. */
  playbackId?: string;
  lang?: string;
  offsetms?: number;
  skipms?: number;
}

export interface RecordOptions {
  /** Recording name; also the stored recording's name once finished. */
  name: string;
  /** File format, e.g. `wav`. */
  format: string;
  maxDurationSeconds?: number;
  maxSilenceSeconds?: number;
  ifExists?: (typeof RECORDING_IF_EXISTS)[number];
  beep?: boolean;
  terminateOn?: (typeof RECORDING_TERMINATE_ON)[number];
}

export interface CreateBridgeOptions {
  /** Comma-separated features, e.g. `mixing` or `mixing,dtmf_events`. */
  type?: string;
  name?: string;
}

export interface AddChannelOptions {
  role?: string;
  absorbDTMF?: boolean;
  mute?: boolean;
}

export function bridgesApi(request: AriRequest) {
  const br = (bridgeId: string) => ({ pathParams: { bridgeId } });
  return {
    list: () => request<Bridge[]>("GET", "/bridges"),
    get: (bridgeId: string) => request<Bridge>("GET", "/bridges/{bridgeId}", br(bridgeId)),
    /** Creates a bridge; with `bridgeId` the id is the caller's (POST /bridges/{bridgeId} creates or updates). */
    create: (options: CreateBridgeOptions & { bridgeId?: string } = {}) => {
      const { bridgeId, ...query } = options;
      return bridgeId
        ? request<Bridge>("POST", "/bridges/{bridgeId}", { ...br(bridgeId), query })
        : request<Bridge>("POST", "/bridges", { query });
    },
    destroy: (bridgeId: string) => request<void>("DELETE", "/bridges/{bridgeId}", br(bridgeId)),
    addChannel: (bridgeId: string, channel: string | readonly string[], options: AddChannelOptions = {}) =>
      request<void>("POST", "/bridges/{bridgeId}/addChannel", { ...br(bridgeId), query: { channel, ...options } }),
    removeChannel: (bridgeId: string, channel: string | readonly string[]) =>
      request<void>("POST", "/bridges/{bridgeId}/removeChannel", { ...br(bridgeId), query: { channel } }),
    startMoh: (bridgeId: string, mohClass?: string) =>
      request<void>("POST", "/bridges/{bridgeId}/moh", { ...br(bridgeId), query: { mohClass } }),
    stopMoh: (bridgeId: string) => request<void>("DELETE", "/bridges/{bridgeId}/moh", br(bridgeId)),
    play: (bridgeId: string, media: string | readonly string[], options: PlayOptions = {}) => {
      const { playbackId, ...rest } = options;
      const query = { media, ...rest };
      return playbackId
        ? request<Playback>("POST", "/bridges/{bridgeId}/play/{playbackId}", { pathParams: { bridgeId, playbackId }, query })
        : request<Playback>("POST", "/bridges/{bridgeId}/play", { ...br(bridgeId), query });
    },
    /** Records the bridge's mixed audio (call recording). */
    record: (bridgeId: string, options: RecordOptions) =>
      request<LiveRecording>("POST", "/bridges/{bridgeId}/record", { ...br(bridgeId), query: { ...options } }),
  };
}

export type BridgesApi = ReturnType<typeof bridgesApi>;
