/**
 * ARI resource models, hand-written from the spec's `models` (snake_case kept as Asterisk
 * sends it). Tests type fixtures with these and validate the same fixtures against the spec.
 * Dates are strings such as `2024-05-01T10:00:00.000+0000`.
 */

export type ChannelState =
  | "Down" | "Rsrved" | "OffHook" | "Dialing" | "Ring" | "Ringing" | "Up" | "Busy"
  | "Dialing Offhook" | "Pre-ring" | "Unknown";

export interface CallerId {
  name: string;
  number: string;
}

export interface DialplanCep {
  context: string;
  exten: string;
  priority: number;
  app_name: string;
  app_data: string;
}

export interface Channel {
  id: string;
  protocol_id: string;
  name: string;
  state: ChannelState;
  caller: CallerId;
  connected: CallerId;
  accountcode: string;
  dialplan: DialplanCep;
  creationtime: string;
  language: string;
  channelvars?: Record<string, string>;
  caller_rdnis?: string;
  tenantid?: string;
}

export interface Bridge {
  id: string;
  technology: string;
  bridge_type: "mixing" | "holding";
  bridge_class: string;
  creator: string;
  name: string;
  channels: string[];
  video_mode?: string;
  video_source_id?: string;
  creationtime: string;
  bridgevars?: Record<string, string>;
}

export interface Endpoint {
  technology: string;
  resource: string;
  state?: "unknown" | "offline" | "online";
  channel_ids: string[];
}

export interface Playback {
  id: string;
  media_uri: string;
  next_media_uri?: string;
  target_uri: string;
  language?: string;
  state: "queued" | "playing" | "continuing" | "done" | "failed";
}

export interface LiveRecording {
  name: string;
  format: string;
  target_uri: string;
  state: "queued" | "recording" | "paused" | "done" | "failed" | "canceled";
  duration?: number;
  talking_duration?: number;
  silence_duration?: number;
  cause?: string;
}

export interface StoredRecording {
  name: string;
  format: string;
}

export interface DeviceState {
  name: string;
  state: "UNKNOWN" | "NOT_INUSE" | "INUSE" | "BUSY" | "INVALID" | "UNAVAILABLE" | "RINGING" | "RINGINUSE" | "ONHOLD";
}

export interface Application {
  name: string;
  channel_ids: string[];
  bridge_ids: string[];
  endpoint_ids: string[];
  device_names: string[];
  events_allowed: object[];
  events_disallowed: object[];
}

export interface Variable {
  value: string;
}

/** One attribute of a dynamic (sorcery) configuration object, e.g. a PJSIP endpoint field. */
export interface ConfigTuple {
  attribute: string;
  value: string;
}

export interface AsteriskInfo {
  build?: { os: string; kernel: string; options: string; machine: string; date: string; user: string };
  system?: { version: string; entity_id: string };
  config?: {
    name: string;
    default_language: string;
    max_channels?: number;
    max_open_files?: number;
    max_load?: number;
    setid: { user: string; group: string };
  };
  status?: { startup_time: string; last_reload_time: string };
}

export interface AsteriskPing {
  asterisk_id: string;
  ping: string;
  timestamp: string;
}

export interface ContactInfo {
  uri: string;
  contact_status: "Unreachable" | "Reachable" | "Unknown" | "NonQualified" | "Removed";
  aor: string;
  roundtrip_usec?: string;
}

export interface Peer {
  peer_status: string;
  cause?: string;
  address?: string;
  port?: string;
  time?: string;
}
