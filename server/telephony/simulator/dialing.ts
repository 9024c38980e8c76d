/**
 * Outgoing legs: dial strings, reachability, and the far end's behaviour (ring, answer,
 * busy, no answer, unreachable) played out on simulated time.
 */
import { CAUSE } from "./causes";
import { emitDial, endDial, enterStasis, setChannelState } from "./channels";
import type { SimCore } from "./core";
import { AriHttpError } from "./http-error";
import { hangupChannel, runDialplan } from "./lifecycle";
import type { DialAttempt, DialTarget, PhoneBehaviour, SimChannel } from "./sim-types";
import { endpointExists } from "./views";

/** Far ends send 180 Ringing this long after the INVITE (simulated ms). */
const RING_DELAY_MS = 100;
/** A phone that stopped answering SIP fails the INVITE after this long. */
const UNREACHABLE_FAIL_MS = 500;
export const DEFAULT_ANSWER_AFTER_MS = 1000;

/** Parses `PJSIP/alice` or `PJSIP/+442071234567@trunk`; undefined for anything else. */
export function parseDialString(endpoint: string): DialTarget | undefined {
  const m = /^PJSIP\/([^@/]+)(?:@([^@/]+))?$/.exec(endpoint);
  if (!m?.[1]) return undefined;
  return m[2] ? { endpointResource: m[2], number: m[1], dialstring: `${m[1]}@${m[2]}` } : { endpointResource: m[1], dialstring: m[1] };
}

/**
 * Throws what Asterisk answers when chan_pjsip cannot create the channel: an unknown endpoint
 * or one with no reachable contact ("No URI available. Is endpoint registered?") makes
 * ast_request fail, which ARI reports as 500 "Allocation failed".
 */
export function assertDialable(core: SimCore, target: DialTarget): void {
  const isKnown = endpointExists(core, target.endpointResource);
  const hasContact = core.options.trunks.includes(target.endpointResource) || core.registrations.has(target.endpointResource);
  if (!isKnown || !hasContact) throw new AriHttpError(500, "Allocation failed");
}

export function behaviourFor(core: SimCore, target: DialTarget): PhoneBehaviour {
  if (target.number === undefined) return core.behaviours.get(target.endpointResource) ?? { mode: "answer" };
  const prefix = [...core.externalBehaviours.keys()]
    .filter((p) => target.number?.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return (prefix !== undefined ? core.externalBehaviours.get(prefix) : undefined) ?? { mode: "answer" };
}

/** Dials `ch` (state Down): Dial "" now, then the far end's behaviour plays out. */
export function startDial(core: SimCore, ch: SimChannel, target: DialTarget, dial: Omit<DialAttempt, "timers" | "behaviour" | "dialstring">): void {
  const behaviour = behaviourFor(core, target);
  const attempt: DialAttempt = { ...dial, dialstring: target.dialstring, behaviour, timers: [] };
  ch.dial = attempt;
  emitDial(core, ch, "");
  const at = (ms: number, fn: () => void): void => void attempt.timers.push(core.after(ms, fn));
  const fail = (status: string, cause: number, state?: "Busy") => {
    if (state) setChannelState(core, ch, state);
    endDial(core, ch, status);
    hangupChannel(core, ch, cause, "dial");
  };
  if (behaviour.mode === "unreachable") return at(UNREACHABLE_FAIL_MS, () => fail("CHANUNAVAIL", CAUSE.NO_USER_RESPONSE));
  if (behaviour.mode === "busy") return at(RING_DELAY_MS, () => fail("BUSY", CAUSE.USER_BUSY, "Busy"));
  at(RING_DELAY_MS, () => {
    setChannelState(core, ch, "Ringing");
    emitDial(core, ch, "RINGING");
  });
  // ARI's timeout is in seconds; -1 (or 0) means wait forever.
  if (dial.timeoutSec > 0) at(dial.timeoutSec * 1000, () => fail("NOANSWER", CAUSE.NO_ANSWER));
  if (behaviour.mode === "answer") {
    at(RING_DELAY_MS + (behaviour.answerAfterMs ?? DEFAULT_ANSWER_AFTER_MS), () => answerDial(core, ch));
  }
}

/** The far end answered: Up, Dial ANSWER, then Stasis (originate `app`) or dialplan. */
function answerDial(core: SimCore, ch: SimChannel): void {
  const dial = ch.dial;
  if (!dial) return;
  setChannelState(core, ch, "Up");
  endDial(core, ch, "ANSWER");
  if (dial.dialplan) return runDialplan(core, ch, dial.dialplan);
  if (ch.stasis || !dial.app) return;
  if (!enterStasis(core, ch, dial.app, dial.appArgs)) hangupChannel(core, ch, CAUSE.NORMAL_CLEARING, "far");
}
