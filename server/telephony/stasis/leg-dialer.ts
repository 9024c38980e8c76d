/**
 * Dials outgoing legs for a caller: originate into the Stasis app (so an answered leg shows
 * up as StasisStart with args ["dialed", <caller id>]), then wait for the leg's outcome.
 * Simultaneous: first to answer wins and the others are hung up ("answered_elsewhere");
 * sequential: one after another until one answers.
 */
import { randomUUID } from "node:crypto";
import { AriError } from "../ari";
import { partyLabel, type CallerId, type DialTarget } from "../engine";
import type { CallSession, Leg, LegOutcome } from "./call-session";
import { confirmLeg, needsConfirm } from "./confirm-leg";
import { quietly, type StasisDeps } from "./deps";

export const LEG_ARG = "dialed";
/** Stasis args `callback,<requestId>`: a web callback's first party answered (server/telephony/callbacks). */
export const CALLBACK_ARG = "callback";
const DEFAULT_LEG_GRACE_MS = 10_000;

export type DialResult = { kind: "answered"; leg: Leg } | { kind: Exclude<LegOutcome, "answered"> };

export interface DialRequest {
  targets: DialTarget[];
  strategy: "simultaneous" | "sequential";
  timeoutSec: number;
  callerId: CallerId;
  /**
   * Legs with no caller channel (a web callback's first party): the Stasis args their answer
   * arrives with, and no originator. Absent: legs of the session's caller.
   */
  appArgs?: string;
}

const dialString = (t: DialTarget) => (t.kind === "external" ? `PJSIP/${t.number}@${t.trunk}` : t.endpoint);
/** A target rings for its own ring time when it has one, never longer than the step allows. */
export const ringSecOf = (target: DialTarget, stepTimeoutSec: number) => Math.min(target.ringSec ?? stepTimeoutSec, stepTimeoutSec);
const callerIdText = (c: CallerId) => (c.number === null ? "Anonymous <anonymous>" : `"${(c.name ?? "").replace(/["<>]/g, "")}" <${c.number}>`);

async function startLeg(deps: StasisDeps, session: CallSession, target: DialTarget, req: DialRequest, register: (id: string) => void): Promise<Leg> {
  const leg = session.addLeg(randomUUID(), target, partyLabel(req.callerId));
  // The caller may have hung up while we awaited something: never ring a phone for nobody.
  if (session.isCallerGone) {
    leg.settle("cancelled");
    return leg;
  }
  register(leg.id);
  const timeoutSec = ringSecOf(target, req.timeoutSec);
  // Asterisk ends the dial itself at `timeout`; this timer only covers a lost Dial event.
  leg.timer = setTimeout(() => {
    session.log.warn("leg outlived its dial timeout; hanging it up", { legId: leg.id });
    void quietly(session.log, "hangup of timed-out leg", () => deps.ari.channels.hangup(leg.id, "timeout"));
    leg.settle("noAnswer");
  }, timeoutSec * 1000 + (deps.legGraceMs ?? DEFAULT_LEG_GRACE_MS));
  if (target.kind === "endpoint" && session.tenantId) {
    deps.presence.ringing(session.tenantId, target.extensionId, leg.id, leg.callerLabel, deps.clock());
  }
  try {
    await deps.ari.channels.originateWithId(leg.id, {
      endpoint: dialString(target),
      app: deps.app,
      appArgs: req.appArgs ?? `${LEG_ARG},${session.callerId}`,
      callerId: callerIdText(req.callerId),
      timeout: timeoutSec,
      ...(req.appArgs === undefined ? { originator: session.callerId } : {}),
    });
  } catch (err) {
    // Asterisk answers 500 ("Allocation failed") for an unknown or unregistered endpoint.
    if (!(err instanceof AriError) || err.status === undefined) throw err;
    session.log.info("leg could not be dialed", { legId: leg.id, endpoint: dialString(target), status: err.status });
    leg.settle("unreachable");
    return leg;
  }
  // Race: the call finished while the originate was in flight, after finishCall hung up the
  // legs it knew about. This leg would ring (and maybe be answered) with no caller.
  if (session.isFinished) {
    leg.settle("cancelled");
    void quietly(session.log, "hangup of orphaned leg", () => deps.ari.channels.hangup(leg.id, "normal"));
  }
  return leg;
}

/** Hangs up legs that lost (or were cancelled) and marks them settled; a leg still confirming lost too. */
export function cancelLegs(deps: StasisDeps, session: CallSession, legs: Leg[], reason: "answered_elsewhere" | "normal") {
  for (const leg of legs) {
    if (leg.isAnswered && reason === "normal") continue;
    leg.settle("cancelled");
    void quietly(session.log, "hangup of cancelled leg", () => deps.ari.channels.hangup(leg.id, reason));
  }
}

/** Most telling failure when every leg failed: someone not answering beats busy beats unreachable. */
function combine(outcomes: LegOutcome[]): Exclude<LegOutcome, "answered"> {
  if (outcomes.includes("cancelled")) return "cancelled";
  if (outcomes.includes("noAnswer")) return "noAnswer";
  if (outcomes.includes("busy")) return "busy";
  return "unreachable";
}

async function dialTogether(deps: StasisDeps, session: CallSession, targets: DialTarget[], req: DialRequest, register: (id: string) => void): Promise<DialResult> {
  const legs = await Promise.all(targets.map((t) => startLeg(deps, session, t, req, register)));
  const outcomes: LegOutcome[] = [];
  return new Promise<DialResult>((resolve) => {
    for (const leg of legs) {
      void leg.outcome.then(async (settled) => {
        // A leg that must press 1 is not the call's party until it did; the others ring on.
        const outcome = settled === "answered" && needsConfirm(leg) && !session.answeredLeg ? await confirmLeg(deps, session, leg) : settled;
        outcomes.push(outcome);
        if (outcome === "answered" && !session.answeredLeg) {
          session.answeredLeg = leg;
          cancelLegs(deps, session, legs.filter((l) => l !== leg && (!l.isSettled || l.isConfirming)), "answered_elsewhere");
          return resolve({ kind: "answered", leg });
        }
        if (outcome === "answered") {
          // Lost the race against another leg's answer: this phone picked up too late.
          void quietly(session.log, "hangup of late leg", () => deps.ari.channels.hangup(leg.id, "answered_elsewhere"));
        }
        if (outcomes.length === legs.length && !session.answeredLeg) resolve({ kind: combine(outcomes) });
      });
    }
  });
}

/** Dials per the request; resolves when a leg answered or all failed (never rejects for a leg failure). */
export async function dialLegs(deps: StasisDeps, session: CallSession, req: DialRequest, register: (id: string) => void): Promise<DialResult> {
  if (req.targets.length === 0) return { kind: "unreachable" };
  if (req.strategy === "simultaneous") return dialTogether(deps, session, req.targets, req, register);
  const outcomes: LegOutcome[] = [];
  for (const target of req.targets) {
    if (session.isCallerGone) return { kind: "cancelled" };
    const result = await dialTogether(deps, session, [target], req, register);
    if (result.kind === "answered" || result.kind === "cancelled") return result;
    outcomes.push(result.kind);
  }
  return { kind: combine(outcomes) };
}
