/**
 * What a caller waiting in a queue hears: the queue's hold prompt in a loop (restarted on each
 * PlaybackFinished), or Asterisk's music on hold when the queue has none. Announcements pause
 * it: a playback on a channel silences its music on hold in Asterisk anyway (starting a file
 * stream deactivates the channel's generator) and would not resume it, so pause and resume
 * are explicit. `stop` is final: a resume racing an answer plays nothing into the bridge.
 */
import { randomUUID } from "node:crypto";
import type { CallSession } from "./call-session";
import { quietly, type StasisDeps } from "./deps";

export class HoldMedia {
  #playbackId: string | null = null;
  #isMoh = false;
  #isStopped = false;
  /** A hold prompt that fails to play (missing file) falls back to music on hold for this call. */
  #useMoh: boolean;
  readonly #off: () => void;

  constructor(private readonly deps: StasisDeps, private readonly session: CallSession, private readonly media: readonly string[]) {
    this.#useMoh = media.length === 0;
    this.#off = deps.ari.on("PlaybackFinished", (e) => {
      if (e.playback.id !== this.#playbackId) return;
      this.#playbackId = null;
      if (e.playback.state === "failed") {
        session.log.warn("hold prompt could not be played; using music on hold", { media: this.media });
        this.#useMoh = true;
      }
      // The loop: the prompt ended by itself, so start it (or the music) again.
      void this.resume();
    });
  }

  /** Starts (or restarts after a pause) the hold media; does nothing once stopped or the caller left. */
  async resume(): Promise<void> {
    if (this.#isStopped || this.session.isCallerGone || this.#isMoh || this.#playbackId) return;
    if (this.#useMoh) {
      this.#isMoh = true;
      await quietly(this.session.log, "start music on hold", () => this.deps.ari.channels.startMoh(this.session.callerId));
      return;
    }
    const playbackId = randomUUID();
    this.#playbackId = playbackId;
    await quietly(this.session.log, "hold prompt", () => this.deps.ari.channels.play(this.session.callerId, this.media, { playbackId }));
  }

  /** Silences the hold media (for an announcement); `resume` starts it again. */
  async pause(): Promise<void> {
    const playbackId = this.#playbackId;
    this.#playbackId = null;
    if (playbackId) await quietly(this.session.log, "stop hold prompt", () => this.deps.ari.playbacks.stop(playbackId));
    if (this.#isMoh) {
      this.#isMoh = false;
      await quietly(this.session.log, "stop music on hold", () => this.deps.ari.channels.stopMoh(this.session.callerId));
    }
  }

  /** Final: silences and detaches; later resumes do nothing. */
  async stop(): Promise<void> {
    if (this.#isStopped) return;
    this.#isStopped = true;
    this.#off();
    if (!this.session.isCallerGone) await this.pause();
  }
}
