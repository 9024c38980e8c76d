/**
 * What the caller sends us while a menu or a queue plays to them: keys (ChannelDtmfReceived)
 * and, once detection is armed, a fax machine's calling tone (ChannelToneDetected). Keys are
 * buffered from the moment this is opened, because a caller who knows the menu presses before
 * the prompt starts, and ARI does not stop a playback on a key: the executor does.
 */
import type { AriClient } from "../ari";
import type { CallSession } from "./call-session";

/** `done`: the promise passed as `until` settled first (e.g. the prompt finished playing). */
export type InputEvent = { kind: "key"; digit: string } | { kind: "fax" } | { kind: "callerGone" } | { kind: "timeout" } | { kind: "done" };

export class CallerInput {
  readonly #keys: string[] = [];
  #isFax = false;
  #wake: (() => void) | null = null;
  readonly #offs: (() => void)[];

  constructor(ari: Pick<AriClient, "on">, private readonly session: CallSession) {
    const isCaller = (e: { channel: { id: string } }) => e.channel.id === session.callerId;
    this.#offs = [
      ari.on("ChannelDtmfReceived", (e) => {
        if (!isCaller(e)) return;
        this.#keys.push(e.digit);
        this.#wake?.();
      }),
      ari.on("ChannelToneDetected", (e) => {
        if (!isCaller(e)) return;
        this.#isFax = true;
        this.#wake?.();
      }),
    ];
    void session.callerGone.then(() => this.#wake?.());
  }

  get isFax(): boolean {
    return this.#isFax;
  }

  /** Forgets keys pressed so far (those pressed during a prompt that ignores keys). */
  discardKeys(): void {
    this.#keys.length = 0;
  }

  /**
   * The next key (buffered or new), a fax tone, the caller leaving, `until` settling, or
   * `timeoutMs` without any of these. A fax tone or the caller leaving beats buffered keys.
   */
  async next(timeoutMs: number, until?: Promise<unknown>): Promise<InputEvent> {
    for (;;) {
      const now = this.#peek();
      if (now) return now;
      const woken = await new Promise<"woken" | "timeout" | "until">((resolve) => {
        const timer = setTimeout(() => resolve("timeout"), timeoutMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve("woken");
        };
        void until?.then(() => {
          clearTimeout(timer);
          resolve("until");
        });
      });
      this.#wake = null;
      if (woken === "timeout") return this.#peek() ?? { kind: "timeout" };
      if (woken === "until") return this.#peek() ?? { kind: "done" };
    }
  }

  #peek(): InputEvent | null {
    if (this.session.isCallerGone) return { kind: "callerGone" };
    if (this.#isFax) return { kind: "fax" };
    const digit = this.#keys.shift();
    return digit === undefined ? null : { kind: "key", digit };
  }

  close(): void {
    this.#offs.forEach((off) => off());
    this.#wake = null;
  }
}
