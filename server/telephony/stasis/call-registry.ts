/**
 * Routes ARI channel events to the call they belong to. Two maps, both keyed by channel id:
 * callers (one session per call) and legs (leg id -> its caller's session). Entries are
 * removed when the caller's call finishes, so memory stays flat however many calls pass.
 *
 * Hang-up causes come only from the caller's ChannelDestroyed. Asterisk's ChannelHangupRequest
 * carries a soft-hangup flag, not a Q.850 cause, when `soft` is set (32 when ARI hung up, 4 on
 * shutdown), and one phone hang-up raises two of them. ChannelDestroyed follows StasisEnd, so a
 * call that ended in Stasis waits up to `causeGraceMs` for it before its CDR is written.
 */
import type { AriClient, ChannelDestroyed, ChannelHangupRequest, ChannelHold, ChannelUnhold, Dial, StasisEnd, StasisStart } from "../ari";
import { outcomeOfCause, outcomeOfDialStatus, targetLabel, type CallSession } from "./call-session";
import { quietly, type StasisDeps } from "./deps";
import { finishCall, writeCallRecord } from "./finish-call";
import { CALLBACK_ARG, LEG_ARG } from "./leg-dialer";
import { onStasisStart } from "./on-stasis-start";

/** How long a finished call waits for its caller's ChannelDestroyed (the cause) before its CDR. */
const CAUSE_GRACE_MS = 2000;

export class CallRegistry {
  readonly callers = new Map<string, CallSession>();
  readonly legOwners = new Map<string, CallSession>();
  /** Finished calls waiting for the caller's ChannelDestroyed, by caller channel id. */
  readonly awaitingCause = new Map<string, { session: CallSession; timer: NodeJS.Timeout }>();

  constructor(private readonly deps: StasisDeps) {}

  get activeCalls(): number {
    return this.callers.size;
  }

  /** Whether a channel or bridge belongs to a call this registry handles. */
  knows(id: string): boolean {
    if (this.callers.has(id) || this.legOwners.has(id)) return true;
    for (const session of this.callers.values()) if (session.bridgeId === id) return true;
    return false;
  }

  add(session: CallSession): void {
    this.callers.set(session.callerId, session);
  }

  registerLeg(session: CallSession, legId: string): void {
    if (session.isFinished) return; // finish() already cleaned up; nothing would remove it
    this.legOwners.set(legId, session);
  }

  /**
   * Ends the call (legs, bridge, presence). The CDR is written now when the cause is known or
   * cannot come; otherwise when the caller's ChannelDestroyed arrives, or after the grace.
   */
  finish(session: CallSession, options: { awaitCause?: boolean } = {}): void {
    finishCall(this.deps, session);
    this.callers.delete(session.callerId);
    for (const legId of session.legs.keys()) this.legOwners.delete(legId);
    if (!options.awaitCause) return writeCallRecord(this.deps, session);
    const timer = setTimeout(() => this.recordAwaited(session.callerId), this.deps.causeGraceMs ?? CAUSE_GRACE_MS);
    timer.unref();
    this.awaitingCause.set(session.callerId, { session, timer });
  }

  /** Writes every CDR still waiting for its cause (shutdown: nothing more will arrive). */
  flushAwaitingCause(): void {
    for (const callerId of [...this.awaitingCause.keys()]) this.recordAwaited(callerId);
  }

  private recordAwaited(callerId: string, destroyed?: ChannelDestroyed): void {
    const entry = this.awaitingCause.get(callerId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.awaitingCause.delete(callerId);
    if (destroyed) entry.session.hangupCause = causeName(destroyed);
    writeCallRecord(this.deps, entry.session);
  }

  /** Subscribes the handlers; returns a function that unsubscribes them. */
  attach(ari: AriClient): () => void {
    const offs = [
      ari.on("StasisStart", (e) => this.onStasisStart(e)),
      ari.on("Dial", (e) => this.onDial(e)),
      ari.on("ChannelHangupRequest", (e) => this.onChannelGone(e)),
      ari.on("StasisEnd", (e) => this.onChannelGone(e)),
      ari.on("ChannelDestroyed", (e) => this.onChannelGone(e)),
      ari.on("ChannelHold", (e) => this.onHoldChange(e)),
      ari.on("ChannelUnhold", (e) => this.onHoldChange(e)),
    ];
    return () => offs.forEach((off) => off());
  }

  onStasisStart(event: StasisStart): void {
    // A web callback's first party: placed and settled by server/telephony/callbacks.
    if (event.args[0] === CALLBACK_ARG) return;
    if (event.args[0] !== LEG_ARG) return void onStasisStart(this.deps, this, event);
    const session = this.legOwners.get(event.channel.id);
    const leg = session?.legs.get(event.channel.id);
    if (session && leg && !leg.isSettled) return leg.settle("answered");
    // A leg answered after its call ended or after another leg won: nobody wants it.
    const log = (session?.log ?? this.deps.log).child({ channelId: event.channel.id, callerChannelId: event.args[1] });
    log.info("hanging up a leg that answered too late");
    void quietly(log, "late leg hangup", () => this.deps.ari.channels.hangup(event.channel.id, "answered_elsewhere"));
  }

  onDial(event: Dial): void {
    const leg = this.legOwners.get(event.peer.id)?.legs.get(event.peer.id);
    const outcome = outcomeOfDialStatus(event.dialstatus);
    if (leg && !leg.isSettled && outcome) leg.settle(outcome);
  }

  onChannelGone(event: ChannelHangupRequest | StasisEnd | ChannelDestroyed): void {
    const id = event.channel.id;
    if (event.type === "ChannelDestroyed" && this.awaitingCause.has(id)) return this.recordAwaited(id, event);
    const caller = this.callers.get(id);
    if (caller) {
      // HangupRequest only announces the end; StasisEnd/ChannelDestroyed mean it has left us.
      if (event.type === "ChannelHangupRequest") {
        caller.isCallerGone = true;
        return this.cancelRingingLegs(caller);
      }
      if (event.type === "ChannelDestroyed") {
        caller.isCallerGone = true;
        caller.hangupCause = causeName(event);
        return this.finish(caller);
      }
      // StasisEnd without a hang-up first: the channel went on into dialplan (voicemail, fax)
      // and will not be destroyed soon, so the cause is the worker's. Else it is on its way.
      const isHangingUp = caller.isCallerGone;
      caller.isCallerGone = true;
      return this.finish(caller, { awaitCause: isHangingUp });
    }
    const session = this.legOwners.get(id);
    const leg = session?.legs.get(id);
    if (!session || !leg) return;
    if (!leg.isSettled) {
      // Destroyed before answering and before any Dial status (e.g. a lost Dial event).
      if (event.type === "ChannelDestroyed") leg.settle(outcomeOfCause(event.cause));
      return;
    }
    // Only the party the caller was bridged with ends the call; a leg that answered but lost
    // (or never pressed 1 to accept) just goes away.
    if (session.answeredLeg === leg && !session.isEnding && !session.isCallerGone) {
      // The answered party hung up: end the caller's side too, as a normal clearing.
      session.isEnding = true;
      session.hangupCause ??= "normal";
      void quietly(session.log, "caller hangup after leg hangup", () => this.deps.ari.channels.hangup(session.callerId, "normal"));
    }
  }

  /**
   * After an ARI reconnect: events sent while the socket was down are lost, so a call whose
   * caller channel no longer exists would never finish. Finish those (writing their CDR) and
   * settle ringing legs that vanished, so nothing waits forever and memory stays flat.
   */
  reconcile(liveChannelIds: ReadonlySet<string>): void {
    for (const session of [...this.callers.values()]) {
      if (!liveChannelIds.has(session.callerId)) {
        session.log.warn("caller channel vanished while ARI was disconnected; finishing the call");
        this.finish(session);
        continue;
      }
      for (const leg of session.legs.values()) if (!leg.isSettled && !liveChannelIds.has(leg.id)) leg.settle("unreachable");
    }
  }

  /**
   * A phone put its call on hold or took it back: the extension's state follows. Only answered
   * calls count; hold while ringing means nothing to the people watching the wallboard.
   */
  onHoldChange(event: ChannelHold | ChannelUnhold): void {
    const id = event.channel.id;
    const asCaller = this.callers.get(id);
    const session = asCaller ?? this.legOwners.get(id);
    if (!session?.tenantId || !session.answeredAt || session.isFinished) return;
    const answered = [...session.legs.values()].find((leg) => leg.isAnswered);
    let extensionId: string | undefined;
    let peer: string | null = null;
    if (asCaller && session.origin?.kind === "extension") {
      extensionId = session.origin.extensionId;
      peer = answered ? targetLabel(answered.target) : null;
    } else {
      const leg = session.legs.get(id);
      if (leg?.isAnswered && leg.target.kind === "endpoint") extensionId = leg.target.extensionId;
      peer = leg?.callerLabel ?? null;
    }
    if (!extensionId) return;
    const isHeld = event.type === "ChannelHold";
    const since = isHeld ? this.deps.clock() : session.answeredAt;
    this.deps.presence[isHeld ? "onHold" : "inCall"](session.tenantId, extensionId, id, peer, since);
  }

  /** The caller is hanging up: stop ringing phones now instead of waiting for StasisEnd. */
  private cancelRingingLegs(session: CallSession): void {
    for (const leg of session.legs.values()) {
      if (leg.isSettled) continue;
      leg.settle("cancelled");
      void quietly(session.log, "leg cancel", () => this.deps.ari.channels.hangup(leg.id, "normal"));
    }
  }
}

/** Asterisk's text for the Q.850 cause of a destroyed channel, e.g. "Normal Clearing". */
function causeName(event: ChannelDestroyed): string {
  return event.cause_txt || `Q.850 cause ${event.cause}`;
}
