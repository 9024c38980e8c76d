/**
 * ARI WebSocket events (spec `events.json`): every event carries the Message and Event base
 * fields, and `type` discriminates the union.
 */
import type {
  Bridge, Channel, ContactInfo, DeviceState, Endpoint, LiveRecording, Peer, Playback,
} from "./types";

interface EventBase<T extends string> {
  type: T;
  application: string;
  timestamp: string;
  asterisk_id?: string;
}

type ChannelEvent<T extends string, Extra = object> = EventBase<T> & { channel: Channel } & Extra;

export type StasisStart = ChannelEvent<"StasisStart", { args: string[]; replace_channel?: Channel }>;
export type StasisEnd = ChannelEvent<"StasisEnd">;
export type ChannelCreated = ChannelEvent<"ChannelCreated">;
export type ChannelDestroyed = ChannelEvent<"ChannelDestroyed", { cause: number; cause_txt: string; tech_cause?: number }>;
export type ChannelStateChange = ChannelEvent<"ChannelStateChange">;
export type ChannelDtmfReceived = ChannelEvent<"ChannelDtmfReceived", { digit: string; duration_ms: number }>;
/** Raised by res_tonedetect (Asterisk 21+) once a `TONE_DETECT(...)` armed on the channel hears its tone. */
export type ChannelToneDetected = ChannelEvent<"ChannelToneDetected">;
export type ChannelHangupRequest = ChannelEvent<"ChannelHangupRequest", { cause?: number; tech_cause?: number; soft?: boolean }>;
export type ChannelDialplan = ChannelEvent<"ChannelDialplan", { dialplan_app: string; dialplan_app_data: string }>;
export type ChannelCallerId = ChannelEvent<"ChannelCallerId", { caller_presentation: number; caller_presentation_txt: string }>;
export type ChannelConnectedLine = ChannelEvent<"ChannelConnectedLine">;
export type ChannelHold = ChannelEvent<"ChannelHold", { musicclass?: string }>;
export type ChannelUnhold = ChannelEvent<"ChannelUnhold">;
export type ChannelLeftBridge = ChannelEvent<"ChannelLeftBridge", { bridge: Bridge }>;
// Asterisk may omit the channel here (spec leaves it optional), e.g. for a bridge-only notice.
export type ChannelEnteredBridge = EventBase<"ChannelEnteredBridge"> & { bridge: Bridge; channel?: Channel };
export type ChannelVarset = EventBase<"ChannelVarset"> & { variable: string; value: string; channel?: Channel };
export type ChannelUserevent = EventBase<"ChannelUserevent"> & {
  eventname: string;
  userevent: Record<string, unknown>;
  channel?: Channel;
  bridge?: Bridge;
  endpoint?: Endpoint;
};
export type Dial = EventBase<"Dial"> & {
  peer: Channel;
  dialstatus: string;
  caller?: Channel;
  forward?: string;
  forwarded?: Channel;
  dialstring?: string;
};
export type BridgeCreated = EventBase<"BridgeCreated"> & { bridge: Bridge };
export type BridgeDestroyed = EventBase<"BridgeDestroyed"> & { bridge: Bridge };
export type BridgeMerged = EventBase<"BridgeMerged"> & { bridge: Bridge; bridge_from: Bridge };
export type PlaybackStarted = EventBase<"PlaybackStarted"> & { playback: Playback };
export type PlaybackContinuing = EventBase<"PlaybackContinuing"> & { playback: Playback };
export type PlaybackFinished = EventBase<"PlaybackFinished"> & { playback: Playback };
export type RecordingStarted = EventBase<"RecordingStarted"> & { recording: LiveRecording };
export type RecordingFinished = EventBase<"RecordingFinished"> & { recording: LiveRecording };
export type RecordingFailed = EventBase<"RecordingFailed"> & { recording: LiveRecording };
export type EndpointStateChange = EventBase<"EndpointStateChange"> & { endpoint: Endpoint };
export type ContactStatusChange = EventBase<"ContactStatusChange"> & { endpoint: Endpoint; contact_info: ContactInfo };
export type PeerStatusChange = EventBase<"PeerStatusChange"> & { endpoint: Endpoint; peer: Peer };
export type DeviceStateChanged = EventBase<"DeviceStateChanged"> & { device_state: DeviceState };
export type ApplicationRegistered = EventBase<"ApplicationRegistered">;
export type ApplicationUnregistered = EventBase<"ApplicationUnregistered">;
/** Another connection took over the app name: this socket will get no more events. */
export type ApplicationReplaced = EventBase<"ApplicationReplaced">;

export type AriEvent =
  | StasisStart | StasisEnd | ChannelCreated | ChannelDestroyed | ChannelStateChange
  | ChannelDtmfReceived | ChannelToneDetected | ChannelHangupRequest | ChannelDialplan | ChannelCallerId
  | ChannelConnectedLine | ChannelHold | ChannelUnhold | ChannelEnteredBridge | ChannelLeftBridge
  | ChannelVarset | ChannelUserevent | Dial | BridgeCreated | BridgeDestroyed | BridgeMerged
  | PlaybackStarted | PlaybackContinuing | PlaybackFinished | RecordingStarted | RecordingFinished
  | RecordingFailed | EndpointStateChange | ContactStatusChange | PeerStatusChange
  | DeviceStateChanged | ApplicationRegistered | ApplicationUnregistered | ApplicationReplaced;

export type AriEventType = AriEvent["type"];

/** Runtime list of the typed events; the `satisfies` below keeps it equal to the union. */
export const ARI_EVENT_TYPES = [
  "StasisStart", "StasisEnd", "ChannelCreated", "ChannelDestroyed", "ChannelStateChange",
  "ChannelDtmfReceived", "ChannelToneDetected", "ChannelHangupRequest", "ChannelDialplan", "ChannelCallerId",
  "ChannelConnectedLine", "ChannelHold", "ChannelUnhold", "ChannelEnteredBridge", "ChannelLeftBridge",
  "ChannelVarset", "ChannelUserevent", "Dial", "BridgeCreated", "BridgeDestroyed", "BridgeMerged",
  "PlaybackStarted", "PlaybackContinuing", "PlaybackFinished", "RecordingStarted", "RecordingFinished",
  "RecordingFailed", "EndpointStateChange", "ContactStatusChange", "PeerStatusChange",
  "DeviceStateChanged", "ApplicationRegistered", "ApplicationUnregistered", "ApplicationReplaced",
] as const satisfies readonly AriEventType[];
// Compile-time check that no union member is missing from the list.
type MissingFromList = Exclude<AriEventType, (typeof ARI_EVENT_TYPES)[number]>;
const LIST_IS_COMPLETE: [MissingFromList] extends [never] ? true : MissingFromList = true;
void LIST_IS_COMPLETE;

/** A message whose `type` the client has no type for (newer Asterisk); passed to `message` listeners. */
export interface UnknownAriMessage {
  type: string;
  [key: string]: unknown;
}

export interface DisconnectInfo {
  code: number;
  reason: string;
  /** False only after `close()`: the stream will not reconnect. */
  willReconnect: boolean;
}

/** Listener payloads: ARI events by `type`, plus the stream's lifecycle events. */
export type AriEventMap = { [K in AriEventType]: Extract<AriEvent, { type: K }> } & {
  /** Socket open (first connect and every reconnect): resubscribe and resync provisioning. */
  connected: { connectionCount: number };
  disconnected: DisconnectInfo;
  /** Connection failures, unparseable frames and listener exceptions; never thrown. */
  error: Error;
  /** Every parsed frame, known or not. */
  message: AriEvent | UnknownAriMessage;
};
