/** Channel primitives: creation, state changes, Stasis entry/exit and channel-scoped events. */
import type { CallerId, ChannelState, DialplanCep } from "../ari/types";
import type { SimCore } from "./core";
import { ariTimestamp } from "./events-hub";
import { AriHttpError } from "./http-error";
import type { DialAttempt, SimChannel } from "./sim-types";
import { channelJson } from "./views";

export interface NewChannel {
  id?: string;
  endpointResource: string;
  state: ChannelState;
  caller?: CallerId;
  dialplan?: Partial<DialplanCep>;
}

/** Apps that hear about a channel: its Stasis app/subscribers, its endpoint's, and subscribe-all apps. */
export const appsForChannel = (core: SimCore, ch: SimChannel): string[] =>
  core.hub.appsFor({ channelId: ch.id, endpointId: ch.endpointId });

/** Emits a channel event (with the current channel snapshot) and marks the channel active. */
export function emitChannelEvent(
  core: SimCore,
  ch: SimChannel,
  type: string,
  extra: Record<string, unknown> = {},
  recipients: readonly string[] = appsForChannel(core, ch),
): void {
  ch.lastActivityAt = Date.now();
  core.hub.emit({ type, ...extra, channel: channelJson(ch) }, recipients);
}

/** Creates a channel and announces it. Apps subscribe to it only afterwards, as in Asterisk. */
export function createChannel(core: SimCore, init: NewChannel): SimChannel {
  const id = init.id ?? core.nextUniqueId();
  const ch: SimChannel = {
    id,
    name: core.nextChannelName(init.endpointResource),
    protocolId: `${core.uuid()}@192.0.2.1`,
    state: init.state,
    caller: init.caller ?? { name: "", number: "" },
    connected: { name: "", number: "" },
    accountcode: "",
    dialplan: { context: "default", exten: "s", priority: 1, app_name: "", app_data: "", ...init.dialplan },
    creationtime: ariTimestamp(),
    language: "en",
    endpointId: `PJSIP/${init.endpointResource}`,
    vars: new Map(),
    continuedTo: [],
    isHeld: false,
    isRingIndicated: false,
    mutes: new Set(),
    lastActivityAt: Date.now(),
  };
  core.channels.set(id, ch);
  emitChannelEvent(core, ch, "ChannelCreated");
  return ch;
}

export function setChannelState(core: SimCore, ch: SimChannel, state: ChannelState): void {
  if (ch.state === state) return;
  ch.state = state;
  emitChannelEvent(core, ch, "ChannelStateChange");
}

/** Whether `app` can take a channel now: Stasis() fails for an app with no active socket. */
export const isAppActive = (core: SimCore, app: string): boolean => core.hub.apps.get(app)?.socket !== undefined;

/** Hands the channel to a Stasis app (StasisStart). Returns false when the app is not active. */
export function enterStasis(core: SimCore, ch: SimChannel, app: string, args: string[]): boolean {
  const simApp = core.hub.apps.get(app);
  if (!simApp || !isAppActive(core, app)) return false;
  simApp.channelIds.add(ch.id);
  ch.stasis = { app, args };
  ch.dialplan = { ...ch.dialplan, app_name: "Stasis", app_data: [app, ...args].join(",") };
  emitChannelEvent(core, ch, "StasisStart", { args });
  return true;
}

/** StasisEnd, then the app stops hearing about the channel (unless subscribed some other way). */
export function leaveStasis(core: SimCore, ch: SimChannel, recipients?: readonly string[]): void {
  const stasis = ch.stasis;
  if (!stasis) return;
  delete ch.stasis;
  emitChannelEvent(core, ch, "StasisEnd", {}, recipients ?? appsForChannel(core, ch));
  core.hub.apps.get(stasis.app)?.channelIds.delete(ch.id);
}

/** Ends an unanswered dial: stops its timers and reports the outcome in a Dial event. */
export function endDial(core: SimCore, ch: SimChannel, dialstatus: string): void {
  const dial = ch.dial;
  if (!dial) return;
  for (const t of dial.timers) core.cancel(t);
  delete ch.dial;
  emitDial(core, ch, dialstatus, dial);
}

/** Dial event for the leg `ch`; `dial` defaults to the leg's current attempt. */
export function emitDial(core: SimCore, ch: SimChannel, dialstatus: string, dial: DialAttempt | undefined = ch.dial): void {
  const dialstring = dial?.dialstring ?? ch.endpointId.slice("PJSIP/".length);
  const caller = dial?.callerChannelId ? core.channels.get(dial.callerChannelId) : undefined;
  const recipients = [...appsForChannel(core, ch), ...(caller ? appsForChannel(core, caller) : [])];
  ch.lastActivityAt = Date.now();
  core.hub.emit(
    { type: "Dial", ...(caller ? { caller: channelJson(caller) } : {}), peer: channelJson(ch), dialstring, dialstatus },
    recipients,
  );
}

/** Finds a channel or throws the 404 Asterisk answers. */
export function requireChannel(core: SimCore, id: string): SimChannel {
  const ch = core.channels.get(id);
  if (!ch) throw new AriHttpError(404, "Channel not found");
  return ch;
}

/** Like {@link requireChannel}, plus the 409 for channels outside Stasis. */
export function requireStasisChannel(core: SimCore, id: string): SimChannel {
  const ch = requireChannel(core, id);
  if (!ch.stasis) throw new AriHttpError(409, "Channel not in Stasis application");
  return ch;
}

/** Parses `"Alice" <1001>`, `Alice <1001>` or `1001`, as Asterisk's callerid parser does. */
export function parseCallerId(text: string | undefined): CallerId {
  if (!text) return { name: "", number: "" };
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(text);
  return m ? { name: m[1] ?? "", number: m[2] ?? "" } : { name: "", number: text.trim() };
}
