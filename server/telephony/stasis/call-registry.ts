/**
 * Routes ARI channel events to the call they belong to. Two maps, both keyed by channel id:
 * callers (one session per call) and legs (leg id -> its caller's session). Entries are
 * removed when the caller's call finishes, so memory stays flat however many calls pass.
 */
import type { AriClient, ChannelDestroyed, ChannelHangupRequest, ChannelHold, ChannelUnhold, Dial, StasisEnd, StasisStart } from "../ari";
import { outcomeOfCause, outcomeOfDialStatus, type CallSession } from "./call-session";
import { quietly, type StasisDeps } from "./deps";
import { finishCall } from "./finish-call";
import { LEG_ARG } from "./leg-dialer";
import { onStasisStart } from "./on-stasis-start";

export class CallRegistry {
  readonly callers = new Map<string, CallSession>();
  readonly legOwners = new Map<string, CallSession>();

  constructor(private readonly deps: StasisDeps) {}

  get activeCalls(): number {
    return this.callers.size;
  }

  add(session: CallSession): void {
    this.callers.set(session.callerId, session);
  }

  registerLeg(session: CallSession, legId: string): void {
    if (session.isFinished) return; // finish() already cleaned up; nothing would remove it
    this.legOwners.set(legId, session);
  }

  finish(session: CallSession): void {
    finishCall(this.deps, session);
    this.callers.delete(session.callerId);
    for (const legId of session.legs.keys()) this.legOwners.delete(legId);
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
    const caller = this.callers.get(id);
    if (caller) {
      caller.isCallerGone = true;
      if ("cause" in event && event.cause !== undefined) caller.hangupCause ??= causeName(event);
      // HangupRequest only announces the end; StasisEnd/ChannelDestroyed mean it has left us.
      if (event.type !== "ChannelHangupRequest") this.finish(caller);
      else this.cancelRingingLegs(caller);
      return;
    }
    const session = this.legOwners.get(id);
    const leg = session?.legs.get(id);
    if (!session || !leg) return;
    if (!leg.isSettled) {
      // Destroyed before answering and before any Dial status (e.g. a lost Dial event).
      if (event.type === "ChannelDestroyed") leg.settle(outcomeOfCause(event.cause));
      return;
    }
    if (leg.isAnswered && !session.isEnding && !session.isCallerGone) {
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
      peer = answered ? (answered.target.kind === "endpoint" ? answered.target.endpoint : answered.target.number) : null;
    } else {
      const leg = session.legs.get(id);
      if (leg?.isAnswered && leg.target.kind === "endpoint") extensionId = leg.target.extensionId;
      peer = session.callerNumber || null;
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

function causeName(event: { cause?: number; cause_txt?: string }): string {
  return "cause_txt" in event && event.cause_txt ? event.cause_txt : `Q.850 cause ${event.cause}`;
}
