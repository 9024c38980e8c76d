/**
 * The simulator's shared state and clock. Every simulated duration goes through `after()`,
 * which divides it by `speed` and tracks the timer so `close()` leaves nothing running.
 */
import { randomUUID } from "node:crypto";
import type { ConfigTuple } from "../ari/types";
import { EventsHub, type EventValidator } from "./events-hub";
import type {
  PhoneBehaviour, PhoneRegistration, SimBridge, SimChannel, SimPlayback, SimRecording,
} from "./sim-types";

export interface CoreOptions {
  /** Time scale: 1 = real time, 50 = fifty times faster. */
  speed: number;
  /** The Stasis app the simulated dialplan sends calls to (`Stasis(<app>,...)`). */
  app: string;
  /** Statically configured trunk endpoints (pjsip.conf), always reachable. */
  trunks: readonly string[];
  /** Simulated sound-file durations in ms by name; others last `defaultSoundMs`. */
  soundDurationsMs: Readonly<Record<string, number>>;
  defaultSoundMs: number;
  /** How long a continued channel runs dialplan (voicemail, fax) before hanging up. */
  dialplanRunMs: number;
  validateEvent?: EventValidator;
  log: (message: string) => void;
}

export class SimCore {
  readonly channels = new Map<string, SimChannel>();
  readonly bridges = new Map<string, SimBridge>();
  readonly playbacks = new Map<string, SimPlayback>();
  readonly liveRecordings = new Map<string, SimRecording>();
  /** `durationMs`: the simulated length to the millisecond, which the stored file plays for. */
  readonly storedRecordings = new Map<string, { name: string; format: string; durationSec: number; durationMs: number }>();
  /** Dynamic sorcery objects keyed `configClass/objectType/id`. */
  readonly config = new Map<string, ConfigTuple[]>();
  /** Registered contacts by endpoint resource (one contact per phone). */
  readonly registrations = new Map<string, PhoneRegistration>();
  readonly behaviours = new Map<string, PhoneBehaviour>();
  /** External numbers' behaviour by prefix; the longest matching prefix wins. */
  readonly externalBehaviours = new Map<string, PhoneBehaviour>();
  readonly deviceStates = new Map<string, string>();
  /** Channels already destroyed, newest last, for assertions (bounded). */
  readonly destroyed: { id: string; name: string; cause: number; continuedTo: SimChannel["continuedTo"] }[] = [];
  readonly asteriskId = "02:42:ac:11:00:02";
  readonly startedAt = Date.now();
  readonly hub: EventsHub;
  #timers = new Set<NodeJS.Timeout>();
  #uniqueSeq = 0;
  #channelSeq = 0;
  #isClosed = false;

  constructor(readonly options: CoreOptions) {
    this.hub = new EventsHub(this.asteriskId, options.validateEvent);
  }

  /**
   * Runs `fn` after `simMs` simulated milliseconds. Errors are logged, never thrown into timers.
   * After `close()` nothing is scheduled, so a request racing shutdown cannot leave a timer behind.
   */
  after(simMs: number, fn: () => void): NodeJS.Timeout {
    if (this.#isClosed) return setTimeout(() => {}, 0);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      try {
        fn();
      } catch (err) {
        this.options.log(`simulator timer failed: ${String(err)}`);
      }
    }, Math.max(0, simMs / this.options.speed));
    this.#timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.#timers.delete(timer);
  }

  /** Simulated milliseconds elapsed since a real `Date.now()` instant. */
  simElapsedMs(sinceRealMs: number): number {
    return (Date.now() - sinceRealMs) * this.options.speed;
  }

  /** Asterisk-style unique id: `<epoch seconds>.<sequence>`. */
  nextUniqueId(): string {
    return `${Math.floor(this.startedAt / 1000)}.${this.#uniqueSeq++}`;
  }

  /** Channel name suffix, 8 hex digits like `PJSIP/alice-0000002a`. */
  nextChannelName(endpointResource: string): string {
    return `PJSIP/${endpointResource}-${(this.#channelSeq++).toString(16).padStart(8, "0")}`;
  }

  uuid(): string {
    return randomUUID();
  }

  close(): void {
    this.#isClosed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
