/**
 * A PlayStep: answer the caller (a prompt needs an answered channel, or the caller hears
 * nothing on most networks), play the media in sequence, and return once it finished or the
 * caller left. The plan's next step follows (usually a hang-up).
 */
import { randomUUID } from "node:crypto";
import type { PlayStep } from "../engine";
import type { ExecuteContext } from "./execute-plan";
import { isGoneError } from "./deps";
import { armed } from "./wait-for-event";

/** A lost PlaybackFinished must not hold the call forever; rule messages are a few seconds long. */
const PLAYBACK_LIMIT_MS = 120_000;

export async function playToCaller(ctx: ExecuteContext, step: PlayStep): Promise<void> {
  const { deps, session } = ctx;
  if (step.media.length === 0) return;
  if (!session.isCallerAnswered) {
    await deps.ari.channels.answer(session.callerId);
    session.isCallerAnswered = true;
  }
  const playbackId = randomUUID();
  const finished = armed(deps.ari, session, ["PlaybackFinished"], (e) => e.playback.id === playbackId, PLAYBACK_LIMIT_MS);
  try {
    await deps.ari.channels.play(session.callerId, step.media, { playbackId });
  } catch (err) {
    finished.cancel();
    if (isGoneError(err) && session.isCallerGone) return;
    throw err;
  }
  const result = await finished.result;
  if (result.kind === "event" && result.event.playback.state === "failed") {
    // A missing sound file is a configuration problem, not a reason to strand the caller.
    session.log.warn("prompt could not be played; continuing", { media: step.media });
  } else if (result.kind === "timeout") {
    session.log.warn("no PlaybackFinished for a prompt; continuing", { media: step.media, playbackId });
  }
}
