/**
 * Test support: ARI payloads typed with the client's types. The spec tests validate these same
 * objects against `events.json`/resource models, which ties the hand-written types to the spec.
 */
import type {
  ChannelDestroyed, ChannelDtmfReceived, ContactStatusChange, EndpointStateChange, PlaybackFinished,
  RecordingFinished, StasisStart,
} from "./events";
import type { Bridge, Channel, Endpoint, LiveRecording, Playback } from "./types";

const TIMESTAMP = "2026-08-01T10:00:00.000+0000";
const base = { application: "centrex", timestamp: TIMESTAMP, asterisk_id: "00:11:22:33:44:55" };

export const channelFixture = (overrides: Partial<Channel> = {}): Channel => ({
  id: "1722506400.42",
  protocol_id: "a84d7c0e@10.0.0.5",
  name: "PJSIP/t42-1001-00000001",
  state: "Ring",
  caller: { name: "Alice", number: "1001" },
  connected: { name: "", number: "" },
  accountcode: "t42",
  dialplan: { context: "from-internal", exten: "1002", priority: 1, app_name: "Stasis", app_data: "centrex" },
  creationtime: TIMESTAMP,
  language: "en",
  ...overrides,
});

export const bridgeFixture = (): Bridge => ({
  id: "bridge-1",
  technology: "simple_bridge",
  bridge_type: "mixing",
  bridge_class: "stasis",
  creator: "Stasis",
  name: "",
  channels: ["1722506400.42"],
  creationtime: TIMESTAMP,
});

export const endpointFixture = (): Endpoint => ({
  technology: "PJSIP",
  resource: "t42-1001",
  state: "online",
  channel_ids: [],
});

export const playbackFixture = (): Playback => ({
  id: "pb-1",
  media_uri: "sound:hello-world",
  target_uri: "channel:1722506400.42",
  language: "en",
  state: "done",
});

export const recordingFixture = (): LiveRecording => ({
  name: "call-1",
  format: "wav",
  target_uri: "bridge:bridge-1",
  state: "done",
  duration: 12,
});

export const stasisStartFixture = (): StasisStart => ({
  type: "StasisStart",
  ...base,
  args: ["inbound"],
  channel: channelFixture(),
});

export const eventFixtures = () => {
  const channelDestroyed: ChannelDestroyed = {
    type: "ChannelDestroyed", ...base, cause: 16, cause_txt: "Normal Clearing", channel: channelFixture({ state: "Up" }),
  };
  const dtmf: ChannelDtmfReceived = { type: "ChannelDtmfReceived", ...base, digit: "5", duration_ms: 120, channel: channelFixture() };
  const endpointState: EndpointStateChange = { type: "EndpointStateChange", ...base, endpoint: endpointFixture() };
  const contactStatus: ContactStatusChange = {
    type: "ContactStatusChange",
    ...base,
    endpoint: endpointFixture(),
    contact_info: { uri: "sip:1001@10.0.0.9:5060", contact_status: "Reachable", aor: "t42-1001", roundtrip_usec: "1500" },
  };
  const playbackFinished: PlaybackFinished = { type: "PlaybackFinished", ...base, playback: playbackFixture() };
  const recordingFinished: RecordingFinished = { type: "RecordingFinished", ...base, recording: recordingFixture() };
  return [stasisStartFixture(), channelDestroyed, dtmf, endpointState, contactStatus, playbackFinished, recordingFinished];
};
