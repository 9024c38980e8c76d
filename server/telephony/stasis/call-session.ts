/**
 * Per-call state of one caller channel in Stasis, and of the outgoing legs dialled for it.
 * Events settle legs; the executor awaits them. Everything here is dropped when the caller's
 * channel ends (see call-registry.ts), so memory does not grow with the number of calls.
 */
import type { CallDisposition } from "@/server/generated/prisma/enums";
import type { DialTarget, IncomingCall, RouteKind } from "../engine";
import type { CallOrigin } from "../dialplan/resolve-tenant";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { Logger } from "../log";

export type LegOutcome = "answered" | "busy" | "noAnswer" | "unreachable" | "cancelled";

export interface Leg {
  id: string;
  target: DialTarget;
  /** Who the leg's phone sees calling (the presented caller ID), as Live status shows it. */
  callerLabel: string;
  /** Resolves once with how the leg's dial ended. */
  outcome: Promise<LegOutcome>;
  settle(outcome: LegOutcome): void;
  isSettled: boolean;
  isAnswered: boolean;
  /** Answered, but the callee has not pressed 1 yet (DialTarget `confirm`): not the call's party yet. */
  isConfirming: boolean;
  timer?: NodeJS.Timeout;
}

/** What a web callback's second half (server/telephony/callbacks) needs to see of its call. */
export interface CallbackHooks {
  /** Both parties are in the bridge. */
  onBridged(leg: Leg): void;
  /** The call's CDR as the callback files it (its own key and request id); null = none. */
  recordOf(record: CallRecordInput): CallRecordInput | null;
  /** The call is over and its CDR handed over (the hang-up cause is known by then). */
  onEnded(record: CallRecordInput | null): void;
}

export class CallSession {
  origin: CallOrigin | null = null;
  /** The call as the engine routed it; an IVR menu routes the caller's keys against it again. */
  incoming: IncomingCall | null = null;
  planKind: RouteKind | null = null;
  readonly legs = new Map<string, Leg>();
  bridgeId: string | null = null;
  answeredLeg: Leg | null = null;
  answeredAt: Date | null = null;
  /** Set by the executor as it goes; the CDR reads it at the end. */
  disposition: CallDisposition = "FAILED";
  calledNumber: string;
  /**
   * Why the call ended: Asterisk's cause text from the caller's ChannelDestroyed when it came
   * (e.g. "Normal Clearing"), else the worker's own reason for hanging up.
   */
  hangupCause: string | null = null;
  endedAt: Date | null = null;
  /** The CDR was handed over; nothing more is written for this call. */
  isRecorded = false;
  /** Set when this call is the second half of a web callback; null for every other call. */
  callback: CallbackHooks | null = null;
  #isCallerGone = false;
  #onCallerGone!: () => void;
  /** Resolves when the caller's channel starts to go (waits for prompts and key presses end then). */
  readonly callerGone = new Promise<void>((resolve) => (this.#onCallerGone = resolve));
  /** The caller was answered by the worker itself (to hear a prompt); bridging answers it otherwise. */
  isCallerAnswered = false;
  /** The worker asked Asterisk to end the caller (events not yet in): errors now are expected. */
  isEnding = false;
  isFinished = false;

  constructor(
    readonly callerId: string,
    readonly callerNumber: string,
    dialled: string,
    readonly startedAt: Date,
    public log: Logger,
  ) {
    this.calledNumber = dialled;
  }

  /** The caller's channel is ending or gone: stop dialing, touch nothing of it. */
  get isCallerGone(): boolean {
    return this.#isCallerGone;
  }

  set isCallerGone(isGone: boolean) {
    if (isGone) this.#onCallerGone();
    this.#isCallerGone = isGone;
  }

  get tenantId(): string | null {
    return this.origin?.tenantId ?? null;
  }

  /** Registers a leg before it is originated, because its events can beat the HTTP response. */
  addLeg(id: string, target: DialTarget, callerLabel: string): Leg {
    let resolve!: (outcome: LegOutcome) => void;
    const leg: Leg = {
      id,
      target,
      callerLabel,
      outcome: new Promise<LegOutcome>((r) => (resolve = r)),
      isSettled: false,
      isAnswered: false,
      isConfirming: false,
      settle: (outcome) => {
        if (leg.isSettled) return;
        leg.isSettled = true;
        leg.isAnswered = outcome === "answered";
        clearTimeout(leg.timer);
        resolve(outcome);
      },
    };
    this.legs.set(id, leg);
    return leg;
  }

  /** Legs still ringing (not settled) or answered and alive: what must be hung up at the end. */
  liveLegs(): Leg[] {
    return [...this.legs.values()];
  }
}

/** How the far party of a leg reads for the caller's extension: the callee, never a dial string. */
export const targetLabel = (target: DialTarget): string => (target.kind === "external" ? target.number : target.label);

/** Dial statuses (ARI Dial event, `dialstatus`) that end an unanswered leg. */
export function outcomeOfDialStatus(status: string): LegOutcome | null {
  switch (status) {
    case "BUSY":
      return "busy";
    case "NOANSWER":
      return "noAnswer";
    case "CHANUNAVAIL":
    case "CONGESTION":
    case "INVALIDARGS":
      return "unreachable";
    default:
      return null; // "", RINGING, PROGRESS, ANSWER (wait for StasisStart), CANCEL (ours)
  }
}

/** Q.850 cause of a leg destroyed before answering, when no Dial status said why. */
export function outcomeOfCause(cause: number | undefined): LegOutcome {
  if (cause === 17 || cause === 21) return "busy"; // user busy, call rejected (declined)
  if (cause === 16 || cause === 18 || cause === 19) return "noAnswer";
  return "unreachable";
}
