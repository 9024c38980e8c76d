/**
 * Device states: `Stasis:<name>` devices are the app's to set; `PJSIP/<endpoint>` states are
 * derived from registrations and channels, as Asterisk's device state providers do.
 */
import type { SimCore } from "./core";
import { AriHttpError } from "./http-error";
import { endpointExists } from "./views";

const STASIS_PREFIX = "Stasis:";

/** Current state of any device name; UNKNOWN for names no provider knows. */
export function deviceStateOf(core: SimCore, name: string): string {
  if (name.startsWith(STASIS_PREFIX)) return core.deviceStates.get(name) ?? "UNKNOWN";
  const m = /^PJSIP\/(.+)$/.exec(name);
  if (!m?.[1]) return "UNKNOWN";
  const resource = m[1];
  if (!endpointExists(core, resource)) return "INVALID";
  const channels = [...core.channels.values()].filter((c) => c.endpointId === name);
  if (channels.some((c) => c.state === "Ringing" || c.state === "Ring")) return channels.length > 1 ? "RINGINUSE" : "RINGING";
  if (channels.some((c) => c.isHeld)) return "ONHOLD";
  if (channels.length) return "INUSE";
  return core.options.trunks.includes(resource) || core.registrations.has(resource) ? "NOT_INUSE" : "UNAVAILABLE";
}

/** 409 for devices ARI does not control (anything but `Stasis:`), 404 for unknown ones. */
export function requireStasisDevice(core: SimCore, name: string): string {
  if (!name.startsWith(STASIS_PREFIX)) throw new AriHttpError(409, "Uncontrolled device specified");
  if (!core.deviceStates.has(name)) throw new AriHttpError(404, "Device name is missing");
  return name;
}

/** Sets a `Stasis:` device's state and raises DeviceStateChanged for subscribed apps. */
export function setStasisDeviceState(core: SimCore, name: string, state: string): void {
  if (!name.startsWith(STASIS_PREFIX)) throw new AriHttpError(409, "Uncontrolled device specified");
  core.deviceStates.set(name, state);
  core.hub.emit({ type: "DeviceStateChanged", device_state: { name, state } }, core.hub.appsFor({ deviceName: name }));
}
