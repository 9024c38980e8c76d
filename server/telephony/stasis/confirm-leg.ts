/**
 * "Press 1 to accept" on a forwarded leg (DialTarget `confirm`): a mobile's voicemail answers
 * too, and must not take the call. When such a leg answers, it hears a prompt and has a
 * bounded time to press 1. Only then is it the call's answered party; anything else (no key,
 * another key, hanging up) hangs the leg up and counts as no answer. The caller keeps hearing
 * ringback and the other legs keep ringing meanwhile.
 */
import { randomUUID } from "node:crypto";
import type { CallSession, Leg, LegOutcome } from "./call-session";
import { quietly, type StasisDeps } from "./deps";
import { armed } from "./wait-for-event";

/** Asterisk's app_followme prompt ("press 1 to accept, 2 to reject"). */
export const CONFIRM_PROMPT = "sound:followme/options";
const DEFAULT_CONFIRM_TIMEOUT_MS = 10_000;

export const needsConfirm = (leg: Leg) => leg.target.kind === "external" && leg.target.confirm === true;

export async function confirmLeg(deps: StasisDeps, session: CallSession, leg: Leg): Promise<Extract<LegOutcome, "answered" | "noAnswer" | "cancelled">> {
  leg.isConfirming = true;
  const log = session.log.child({ legId: leg.id });
  const answer = armed(
    deps.ari, session, ["ChannelDtmfReceived", "StasisEnd", "ChannelDestroyed"], (e) => e.channel.id === leg.id,
    deps.confirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS,
  );
  const playbackId = randomUUID();
  await quietly(log, "confirm prompt", () => deps.ari.channels.play(leg.id, CONFIRM_PROMPT, { playbackId }));
  const result = await answer.result;
  leg.isConfirming = false;
  if (result.kind === "event" && result.event.type === "ChannelDtmfReceived" && result.event.digit === "1") {
    // The rest of the prompt must not play over the conversation.
    await quietly(log, "stop confirm prompt", () => deps.ari.playbacks.stop(playbackId));
    return "answered";
  }
  log.info("forwarded leg did not press 1; treating it as unanswered", { why: result.kind === "event" ? result.event.type : result.kind });
  await quietly(log, "hangup of unconfirmed leg", () => deps.ari.channels.hangup(leg.id, "normal"));
  return result.kind === "callerGone" ? "cancelled" : "noAnswer";
}
