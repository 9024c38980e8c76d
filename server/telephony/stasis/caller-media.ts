/**
 * Plays media to a caller who may interrupt: a menu prompt stops at the first key, any prompt
 * stops on a fax tone, and everything stops when the caller leaves. A playback cut short is
 * stopped on Asterisk (ARI keeps playing through key presses), so nothing plays on over what
 * comes next.
 */
import { randomUUID } from "node:crypto";
import type { CallerInput } from "./caller-input";
import type { CallSession } from "./call-session";
import { isGoneError, quietly, type StasisDeps } from "./deps";
import { armed } from "./wait-for-event";

/** A lost PlaybackFinished must not hold the call forever; prompts are well under this. */
const PLAYBACK_LIMIT_MS = 300_000;

export type PlayOutcome = { kind: "finished" } | { kind: "key"; digit: string } | { kind: "fax" } | { kind: "callerGone" };

/** Answers the caller once (prompts need an answered channel, or most networks carry no audio). */
export async function answerCaller(deps: StasisDeps, session: CallSession): Promise<void> {
  if (session.isCallerAnswered) return;
  await deps.ari.channels.answer(session.callerId);
  session.isCallerAnswered = true;
}

/** Plays `media` in sequence; `stopOnKey` false ignores (and drops) keys pressed meanwhile. */
export async function playInterruptible(
  deps: StasisDeps, session: CallSession, input: CallerInput, media: readonly string[], options: { stopOnKey: boolean },
): Promise<PlayOutcome> {
  if (media.length === 0) return { kind: "finished" };
  const playbackId = randomUUID();
  const finished = armed(deps.ari, session, ["PlaybackFinished"], (e) => e.playback.id === playbackId, PLAYBACK_LIMIT_MS);
  try {
    await deps.ari.channels.play(session.callerId, media, { playbackId });
  } catch (err) {
    finished.cancel();
    if (isGoneError(err) && session.isCallerGone) return { kind: "callerGone" };
    throw err;
  }
  for (;;) {
    const event = await input.next(PLAYBACK_LIMIT_MS, finished.result);
    if (event.kind === "key" && !options.stopOnKey) continue;
    if (event.kind === "done" || event.kind === "timeout") {
      const result = await finished.result;
      if (result.kind === "event" && result.event.playback.state === "failed") session.log.warn("prompt could not be played; continuing", { media });
      if (result.kind === "timeout") session.log.warn("no PlaybackFinished for a prompt; continuing", { media, playbackId });
      return { kind: "finished" };
    }
    finished.cancel();
    await quietly(session.log, "stop interrupted prompt", () => deps.ari.playbacks.stop(playbackId));
    return event;
  }
}
