/** ARI `channels` operations the worker uses. */
import type { HANGUP_REASONS, MUTE_DIRECTIONS } from "./operations";
import type { AriRequest } from "./request";
import type { RecordOptions, PlayOptions } from "./bridges-api";
import type { Channel, LiveRecording, Playback, Variable } from "./types";

export type HangupReason = (typeof HANGUP_REASONS)[number];
export type MuteDirection = (typeof MUTE_DIRECTIONS)[number];

export interface OriginateOptions {
  /** Dial string, e.g. `PJSIP/1001` or `PJSIP/+15551234567@trunk`. */
  endpoint: string;
  /** Either `app` (Stasis) or `extension`/`context`/`priority` (dialplan). */
  app?: string;
  appArgs?: string;
  extension?: string;
  context?: string;
  priority?: number;
  label?: string;
  callerId?: string;
  /** Seconds to wait for answer (Asterisk default 30). */
  timeout?: number;
  otherChannelId?: string;
  originator?: string;
  formats?: string;
  variables?: Record<string, string>;
}

export interface CreateOptions {
  endpoint: string;
  app: string;
  appArgs?: string;
  channelId?: string;
  otherChannelId?: string;
  originator?: string;
  formats?: string;
  variables?: Record<string, string>;
}

export interface ContinueOptions {
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
}

export function channelsApi(request: AriRequest) {
  const ch = (channelId: string) => ({ pathParams: { channelId } });
  const originateQuery = ({ variables: _variables, ...query }: OriginateOptions) => query;
  return {
    list: () => request<Channel[]>("GET", "/channels"),
    get: (channelId: string) => request<Channel>("GET", "/channels/{channelId}", ch(channelId)),
    /** Creates a channel and dials it; with `channelId`, the id is chosen by the caller (idempotent retries). */
    originate: (options: OriginateOptions & { channelId?: string }) =>
      request<Channel>("POST", "/channels", {
        query: originateQuery(options),
        body: options.variables ? { variables: options.variables } : undefined,
      }),
    originateWithId: (channelId: string, options: OriginateOptions) =>
      request<Channel>("POST", "/channels/{channelId}", {
        ...ch(channelId),
        query: originateQuery(options),
        body: options.variables ? { variables: options.variables } : undefined,
      }),
    /** Creates a channel in Stasis without dialing it; `dial` it once it is bridged or prepared. */
    create: (options: CreateOptions) => {
      const { variables, ...query } = options;
      return request<Channel>("POST", "/channels/create", { query, body: variables ? { variables } : undefined });
    },
    hangup: (channelId: string, reason?: HangupReason) =>
      request<void>("DELETE", "/channels/{channelId}", { ...ch(channelId), query: { reason } }),
    /** Leaves Stasis and resumes the dialplan (used for voicemail/fax hand-off and error fallback). */
    continueInDialplan: (channelId: string, options: ContinueOptions = {}) =>
      request<void>("POST", "/channels/{channelId}/continue", { ...ch(channelId), query: { ...options } }),
    answer: (channelId: string) => request<void>("POST", "/channels/{channelId}/answer", ch(channelId)),
    ring: (channelId: string) => request<void>("POST", "/channels/{channelId}/ring", ch(channelId)),
    ringStop: (channelId: string) => request<void>("DELETE", "/channels/{channelId}/ring", ch(channelId)),
    hold: (channelId: string) => request<void>("POST", "/channels/{channelId}/hold", ch(channelId)),
    unhold: (channelId: string) => request<void>("DELETE", "/channels/{channelId}/hold", ch(channelId)),
    mute: (channelId: string, direction?: MuteDirection) =>
      request<void>("POST", "/channels/{channelId}/mute", { ...ch(channelId), query: { direction } }),
    unmute: (channelId: string, direction?: MuteDirection) =>
      request<void>("DELETE", "/channels/{channelId}/mute", { ...ch(channelId), query: { direction } }),
    startMoh: (channelId: string, mohClass?: string) =>
      request<void>("POST", "/channels/{channelId}/moh", { ...ch(channelId), query: { mohClass } }),
    stopMoh: (channelId: string) => request<void>("DELETE", "/channels/{channelId}/moh", ch(channelId)),
    getVariable: async (channelId: string, variable: string) =>
      (await request<Variable>("GET", "/channels/{channelId}/variable", { ...ch(channelId), query: { variable } })).value,
    setVariable: (channelId: string, variable: string, value?: string) =>
      request<void>("POST", "/channels/{channelId}/variable", { ...ch(channelId), query: { variable, value } }),
    /** Starts media (`sound:`, `recording:`, `tone:`, `digits:`...); several URIs play in sequence. */
    play: (channelId: string, media: string | readonly string[], options: PlayOptions = {}) => {
      const { playbackId, ...rest } = options;
      const query = { media, ...rest };
      return playbackId
        ? request<Playback>("POST", "/channels/{channelId}/play/{playbackId}", { pathParams: { channelId, playbackId }, query })
        : request<Playback>("POST", "/channels/{channelId}/play", { ...ch(channelId), query });
    },
    record: (channelId: string, options: RecordOptions) =>
      request<LiveRecording>("POST", "/channels/{channelId}/record", { ...ch(channelId), query: { ...options } }),
    /** Dials a channel made by `create`. */
    dial: (channelId: string, options: { caller?: string; timeout?: number } = {}) =>
      request<void>("POST", "/channels/{channelId}/dial", { ...ch(channelId), query: { ...options } }),
  };
}

export type ChannelsApi = ReturnType<typeof channelsApi>;
