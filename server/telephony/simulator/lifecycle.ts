/** How channels end: hang-up (any side) and leaving Stasis for the dialplan. */
import { removeFromBridge } from "./bridges";
import { CAUSE, causeText, dialStatusForCause, SOFT_HANGUP } from "./causes";
import { appsForChannel, emitChannelEvent, endDial, leaveStasis } from "./channels";
import type { SimCore } from "./core";
import { stopMediaFor } from "./recordings";
import type { DialplanTarget, SimChannel } from "./sim-types";
import { channelJson } from "./views";

/**
 * Who ended the channel: `api` (DELETE /channels, a soft hang-up), `far` (the phone or carrier
 * sent BYE/CANCEL), `dialplan` (dialplan finished after `continue`), `dial` (the dial failed).
 */
export type HangupOrigin = "api" | "far" | "dialplan" | "dial";

const DESTROYED_LIMIT = 1000;

/**
 * Hangs a channel up with Asterisk's event order: ChannelHangupRequest, Dial (if still
 * dialing), playbacks/recordings finished, ChannelLeftBridge, StasisEnd, ChannelDestroyed.
 * The Stasis app still hears ChannelDestroyed after StasisEnd, as with a real Asterisk.
 * As Asterisk 22.5 does (seen on the real-Asterisk lane): an ARI hang-up raises one soft
 * request whose `cause` is the soft-hangup flag (32), a far-end hang-up a hard request with
 * the Q.850 cause followed by a soft one with the same cause. Only ChannelDestroyed carries
 * the call's real cause in every case.
 */
export function hangupChannel(core: SimCore, ch: SimChannel, cause: number, origin: HangupOrigin): void {
  if (!core.channels.has(ch.id)) return;
  const recipients = appsForChannel(core, ch);
  if (origin === "far" || origin === "dialplan") emitChannelEvent(core, ch, "ChannelHangupRequest", { cause }, recipients);
  if (origin !== "dial") {
    emitChannelEvent(core, ch, "ChannelHangupRequest", { cause: origin === "api" ? SOFT_HANGUP.EXPLICIT : cause, soft: true }, recipients);
  }
  if (ch.dial) endDial(core, ch, origin === "api" ? "CANCEL" : dialStatusForCause(cause));
  stopMediaFor(core, `channel:${ch.id}`);
  if (ch.bridgeId) removeFromBridge(core, ch);
  if (ch.dialplanRun) core.cancel(ch.dialplanRun.timer);
  delete ch.dialplanRun;
  if (ch.stasis) leaveStasis(core, ch, recipients);
  core.channels.delete(ch.id);
  core.hub.emit({ type: "ChannelDestroyed", cause, cause_txt: causeText(cause), channel: channelJson(ch) }, recipients);
  for (const app of core.hub.apps.values()) app.channelIds.delete(ch.id);
  core.destroyed.push({ id: ch.id, name: ch.name, cause, continuedTo: ch.continuedTo });
  if (core.destroyed.length > DESTROYED_LIMIT) core.destroyed.shift();
}

/** Runs dialplan at `target` (simulated: it lasts `dialplanRunMs`, then the dialplan hangs up). */
export function runDialplan(core: SimCore, ch: SimChannel, target: DialplanTarget): void {
  ch.dialplan = { context: target.context, exten: target.exten, priority: target.priority, app_name: "", app_data: "" };
  ch.continuedTo.push(target);
  if (ch.dialplanRun) core.cancel(ch.dialplanRun.timer);
  const timer = core.after(core.options.dialplanRunMs, () => hangupChannel(core, ch, CAUSE.NORMAL_CLEARING, "dialplan"));
  ch.dialplanRun = { ...target, timer };
  ch.lastActivityAt = Date.now();
}

export interface ContinueTarget {
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
}

/**
 * `POST /channels/{id}/continue`: the channel leaves its bridge and Stasis (StasisEnd) and
 * resumes dialplan. Without a location it continues at the next priority, as Asterisk does.
 */
export function continueInDialplan(core: SimCore, ch: SimChannel, t: ContinueTarget): void {
  const isNewPlace = t.context !== undefined || t.extension !== undefined;
  const target: DialplanTarget = {
    context: t.context ?? ch.dialplan.context,
    exten: t.extension ?? ch.dialplan.exten,
    priority: t.priority ?? (isNewPlace || t.label !== undefined ? 1 : ch.dialplan.priority + 1),
    ...(t.label !== undefined ? { label: t.label } : {}),
  };
  stopMediaFor(core, `channel:${ch.id}`);
  if (ch.bridgeId) removeFromBridge(core, ch);
  leaveStasis(core, ch);
  runDialplan(core, ch, target);
}
