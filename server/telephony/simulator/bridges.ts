/** Stasis bridges: create, join, leave, destroy, with the events Asterisk raises for each. */
import type { SimCore } from "./core";
import { emitChannelEvent } from "./channels";
import { ariTimestamp } from "./events-hub";
import { AriHttpError } from "./http-error";
import type { SimBridge, SimChannel } from "./sim-types";
import { bridgeJson } from "./views";

const BRIDGE_TYPES = new Set(["mixing", "holding", "dtmf_events", "proxy_media", "video_sfu", "video_single", "sdp_label"]);

/**
 * Apps that hear about a bridge: those subscribed to it explicitly (or to everything), plus
 * the Stasis apps of its channels. Asterisk subscribes an app to a bridge while one of its
 * channels is in it, so an app does not see BridgeCreated for a bridge it made over REST.
 */
export function appsForBridge(core: SimCore, b: SimBridge): string[] {
  const owners = b.channels.map((id) => core.channels.get(id)?.stasis?.app).filter((a): a is string => a !== undefined);
  return [...new Set([...core.hub.appsFor({ bridgeId: b.id }), ...owners])];
}

export function requireBridge(core: SimCore, id: string): SimBridge {
  const bridge = core.bridges.get(id);
  if (!bridge) throw new AriHttpError(404, "Bridge not found");
  return bridge;
}

/** Creates a bridge; `type` is ARI's comma-separated feature list. */
export function createBridge(core: SimCore, opts: { id?: string; type?: string; name?: string }): SimBridge {
  const features = (opts.type ?? "mixing").split(",").filter(Boolean);
  const unknown = features.find((f) => !BRIDGE_TYPES.has(f));
  if (unknown) throw new AriHttpError(400, `Invalid bridge type '${unknown}'`);
  const id = opts.id ?? core.uuid();
  if (core.bridges.has(id)) throw new AriHttpError(409, "Bridge with the same bridgeId already exists");
  const bridge: SimBridge = {
    id,
    name: opts.name ?? "",
    bridgeType: features.includes("holding") ? "holding" : "mixing",
    channels: [],
    creationtime: ariTimestamp(),
  };
  core.bridges.set(id, bridge);
  core.hub.emit({ type: "BridgeCreated", bridge: bridgeJson(bridge) }, appsForBridge(core, bridge));
  return bridge;
}

/** Adds a Stasis channel; a channel already in another bridge is moved, as Asterisk does. */
export function addToBridge(core: SimCore, bridge: SimBridge, ch: SimChannel): void {
  if (ch.bridgeId === bridge.id) return;
  if (ch.bridgeId) removeFromBridge(core, ch);
  bridge.channels.push(ch.id);
  ch.bridgeId = bridge.id;
  // Joining a bridge stops the channel's own ring indication and music on hold.
  ch.isRingIndicated = false;
  delete ch.mohClass;
  const recipients = [...appsForBridge(core, bridge), ...core.hub.appsFor({ channelId: ch.id, endpointId: ch.endpointId })];
  emitChannelEvent(core, ch, "ChannelEnteredBridge", { bridge: bridgeJson(bridge) }, recipients);
}

export function removeFromBridge(core: SimCore, ch: SimChannel): void {
  const bridge = ch.bridgeId ? core.bridges.get(ch.bridgeId) : undefined;
  delete ch.bridgeId;
  if (!bridge) return;
  const recipients = [...appsForBridge(core, bridge), ...core.hub.appsFor({ channelId: ch.id, endpointId: ch.endpointId })];
  bridge.channels = bridge.channels.filter((id) => id !== ch.id);
  emitChannelEvent(core, ch, "ChannelLeftBridge", { bridge: bridgeJson(bridge) }, recipients);
}

/** Empties and destroys a bridge; its channels stay in Stasis, as in Asterisk. */
export function destroyBridge(core: SimCore, bridge: SimBridge, stopMedia: (targetUri: string) => void): void {
  stopMedia(`bridge:${bridge.id}`);
  const recipients = appsForBridge(core, bridge);
  for (const id of [...bridge.channels]) {
    const ch = core.channels.get(id);
    if (ch) removeFromBridge(core, ch);
  }
  core.bridges.delete(bridge.id);
  core.hub.emit({ type: "BridgeDestroyed", bridge: bridgeJson(bridge) }, recipients);
  for (const app of core.hub.apps.values()) app.bridgeIds.delete(bridge.id);
}
