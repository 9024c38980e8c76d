/**
 * The first party of a web callback is rung with no caller channel: its legs are originated
 * straight into the Stasis app with args `callback,<requestId>` (the call registry ignores
 * those), and settled here from the same events the registry uses for ordinary legs
 * (StasisStart = answered, Dial status, ChannelDestroyed before an answer). Ringing reuses the
 * leg dialer, so simultaneous and in-order rings, timeouts and "answered elsewhere" behave
 * as for any call.
 */
import type { AriClient, ChannelDestroyed, Dial, StasisStart } from "../ari";
import type { Logger } from "../log";
import { outcomeOfCause, outcomeOfDialStatus, type CallSession } from "../stasis/call-session";
import { quietly, type StasisDeps } from "../stasis/deps";
import { CALLBACK_ARG, cancelLegs, dialLegs, type DialRequest, type DialResult } from "../stasis/leg-dialer";

export class FirstPartyLegs {
  /** Leg id -> the stage session that rang it, until the request hands the call over. */
  readonly #owners = new Map<string, CallSession>();
  /** Answered legs whose channel went before the call was handed over to the registry. */
  readonly #goneAfterAnswer = new Set<string>();
  /** Shutdown: nothing more is rung. */
  #isClosed = false;

  constructor(private readonly deps: StasisDeps) {}

  attach(ari: AriClient): () => void {
    const offs = [
      ari.on("StasisStart", (e) => this.onStasisStart(e)),
      ari.on("Dial", (e) => this.onDial(e)),
      ari.on("ChannelDestroyed", (e) => this.onChannelDestroyed(e)),
    ];
    return () => offs.forEach((off) => off());
  }

  /** Rings the request's first party; resolves when one leg answered or all failed. */
  ring(stage: CallSession, requestId: string, req: Omit<DialRequest, "appArgs">): Promise<DialResult> {
    if (this.#isClosed) return Promise.resolve({ kind: "cancelled" });
    return dialLegs(this.deps, stage, { ...req, appArgs: `${CALLBACK_ARG},${requestId}` }, (legId) => this.#owners.set(legId, stage));
  }

  /** The call was handed over (or failed): forget its legs. True when the answered one is already gone. */
  release(stage: CallSession, answeredLegId?: string): boolean {
    for (const legId of stage.legs.keys()) this.#owners.delete(legId);
    const isGone = answeredLegId !== undefined && this.#goneAfterAnswer.delete(answeredLegId);
    for (const legId of stage.legs.keys()) this.#goneAfterAnswer.delete(legId);
    return isGone;
  }

  /** Shutdown: stop ringing every first party still ringing (their requests then fail). */
  cancelAll(): void {
    this.#isClosed = true;
    for (const stage of new Set(this.#owners.values())) {
      stage.isCallerGone = true;
      cancelLegs(this.deps, stage, [...stage.legs.values()].filter((l) => !l.isSettled), "normal");
    }
  }

  get ringing(): number {
    return new Set(this.#owners.values()).size;
  }

  private onStasisStart(event: StasisStart): void {
    if (event.args[0] !== CALLBACK_ARG) return;
    const id = event.channel.id;
    const leg = this.#owners.get(id)?.legs.get(id);
    if (leg && !leg.isSettled) return leg.settle("answered");
    // Answered after another leg won, after a shutdown cancel, or left by an earlier worker.
    const log: Logger = this.deps.log.child({ channelId: id, callbackRequestId: event.args[1] });
    log.info("hanging up a callback leg nobody is waiting for");
    void quietly(log, "late callback leg hangup", () => this.deps.ari.channels.hangup(id, "answered_elsewhere"));
  }

  private onDial(event: Dial): void {
    const leg = this.#owners.get(event.peer.id)?.legs.get(event.peer.id);
    const outcome = outcomeOfDialStatus(event.dialstatus);
    if (leg && !leg.isSettled && outcome) leg.settle(outcome);
  }

  private onChannelDestroyed(event: ChannelDestroyed): void {
    const id = event.channel.id;
    const leg = this.#owners.get(id)?.legs.get(id);
    if (!leg) return;
    if (!leg.isSettled) return leg.settle(outcomeOfCause(event.cause));
    if (leg.isAnswered) this.#goneAfterAnswer.add(id);
  }
}
