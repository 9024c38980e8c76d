/** State records -> the JSON models Asterisk sends (field names and optionality per the spec). */
import type { Bridge, Channel, Endpoint, LiveRecording, Playback } from "../ari/types";
import type { SimCore } from "./core";
import type { SimBridge, SimChannel, SimPlayback, SimRecording } from "./sim-types";

export const channelJson = (ch: SimChannel): Channel => ({
  id: ch.id,
  protocol_id: ch.protocolId,
  name: ch.name,
  state: ch.state,
  caller: { ...ch.caller },
  connected: { ...ch.connected },
  accountcode: ch.accountcode,
  dialplan: { ...ch.dialplan },
  creationtime: ch.creationtime,
  language: ch.language,
});

export const bridgeJson = (b: SimBridge): Bridge => ({
  id: b.id,
  // Asterisk picks the technology by member count: two parties mix natively, more need softmix.
  technology: b.bridgeType === "holding" ? "holding_bridge" : b.channels.length > 2 ? "softmix" : "simple_bridge",
  bridge_type: b.bridgeType,
  bridge_class: "stasis",
  creator: "Stasis",
  name: b.name,
  channels: [...b.channels],
  creationtime: b.creationtime,
});

export const playbackJson = (p: SimPlayback): Playback => {
  const next = p.mediaUris[p.index + 1];
  return {
    id: p.id,
    media_uri: p.mediaUris[p.index] ?? "",
    ...(next !== undefined && p.state !== "done" && p.state !== "failed" ? { next_media_uri: next } : {}),
    target_uri: p.targetUri,
    language: p.language,
    state: p.state,
  };
};

export const recordingJson = (r: SimRecording): LiveRecording => ({
  name: r.name,
  format: r.format,
  target_uri: r.targetUri,
  state: r.state,
  ...(r.durationSec !== undefined ? { duration: r.durationSec } : {}),
});

/** Whether `resource` is a PJSIP endpoint: a static trunk or a dynamic `res_pjsip/endpoint`. */
export const endpointExists = (core: SimCore, resource: string): boolean =>
  core.options.trunks.includes(resource) || core.config.has(`res_pjsip/endpoint/${resource}`);

/** Online while a contact is registered; trunks have a static contact and are always online. */
export const endpointState = (core: SimCore, resource: string): "online" | "offline" =>
  core.options.trunks.includes(resource) || core.registrations.has(resource) ? "online" : "offline";

export const endpointJson = (core: SimCore, resource: string): Endpoint => ({
  technology: "PJSIP",
  resource,
  state: endpointState(core, resource),
  channel_ids: [...core.channels.values()].filter((c) => c.endpointId === `PJSIP/${resource}`).map((c) => c.id),
});

/** Every PJSIP endpoint resource: trunks first, then dynamic endpoints in creation order. */
export const endpointResources = (core: SimCore): string[] => {
  const dynamic = [...core.config.keys()]
    .filter((k) => k.startsWith("res_pjsip/endpoint/"))
    .map((k) => k.slice("res_pjsip/endpoint/".length));
  return [...new Set([...core.options.trunks, ...dynamic])];
};
