/**
 * Places one claimed callback request: rings the first party (callback-parties.ts), and once
 * it answers hands its channel to the call registry as the caller of an ordinary call, routed
 * by the engine and run by the plan executor, so everything a call does (CLI, block list,
 * credit, hunt groups, IVR, recording, presence, rated CDRs) applies unchanged. Hooks on the
 * session move the request on: CALLING_SECOND when A answered, CONNECTED when both are
 * bridged, COMPLETED or FAILED at the end. A failed first leg ends the request; it is never
 * retried. Resolves when the request is in a final state.
 */
import type { CallbackRequest } from "@/server/generated/prisma/client";
import type { CallbackFailureReason, CallbackStateName } from "@/server/modules/callbacks/contract";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { CallPlan, TenantDialPlan } from "../engine";
import type { Logger } from "../log";
import type { CallRegistry } from "../stasis/call-registry";
import { CallSession, targetLabel, type Leg, type LegOutcome } from "../stasis/call-session";
import { quietly, type StasisDeps } from "../stasis/deps";
import { executeSteps } from "../stasis/execute-plan";
import { firstPartyOf, type FirstParty, type SecondHalf } from "./callback-parties";
import { DISPOSITION_OF, firstLegFailure, firstLegRecord, secondHalfFailure, whoIs } from "./callback-outcome";
import type { CallbackStore } from "./callback-store";
import type { FirstPartyLegs } from "./first-party-legs";

export interface PlaceDeps {
  stasis: StasisDeps;
  registry: CallRegistry;
  firstLegs: FirstPartyLegs;
  store: CallbackStore;
  trunk: string;
  log: Logger;
}

export async function placeCallback(deps: PlaceDeps, row: CallbackRequest): Promise<void> {
  const log = deps.log.child({ tenantId: row.tenantId, callbackRequestId: row.id, source: row.source });
  const clock = deps.stasis.clock;
  const fail = (reason: CallbackFailureReason, detail: string) => {
    log.info("callback failed", { reason, detail });
    return deps.store.fail(row, reason, detail, clock());
  };
  try {
    const snapshot = await deps.stasis.dialPlanFor(row.tenantId);
    const first = await firstPartyOf({ stasis: deps.stasis, store: deps.store, trunk: deps.trunk, log }, snapshot, row);
    if (!first.ok) return void (await fail(first.reason, first.detail));
    const party = first.party;
    const startedAt = clock();
    const stage = new CallSession(`callback-${row.id}`, "", "", startedAt, log);
    const result = await deps.firstLegs.ring(stage, row.id, { targets: party.targets, strategy: party.strategy, timeoutSec: party.timeoutSec, callerId: party.callerId });
    if (result.kind !== "answered") {
      deps.firstLegs.release(stage);
      const leg = [...stage.legs.values()][0];
      if (leg) {
        const end = { disposition: DISPOSITION_OF[result.kind], hangupCause: result.kind };
        void deps.stasis.recordCall(firstLegRecord(row, snapshot, party, leg, { startedAt, answeredAt: null, endedAt: clock() }, end));
      }
      const failure = firstLegFailure(result.kind, whoIs(leg?.target));
      return void (await fail(failure.reason, failure.detail));
    }
    await putThrough(deps, log, row, snapshot, party, stage, result.leg, startedAt);
  } catch (err) {
    log.error("callback could not be placed", { err });
    await fail("ERROR", "The call could not be placed; the worker logged why.").catch(() => undefined);
  }
}

/** A answered: its channel becomes the caller of the call that reaches B. Resolves when that call ended. */
async function putThrough(deps: PlaceDeps, log: Logger, row: CallbackRequest, snapshot: TenantDialPlan, party: FirstParty, stage: CallSession, leg: Leg, startedAt: Date): Promise<void> {
  const clock = deps.stasis.clock;
  const firstAnsweredAt = clock();
  const session = new CallSession(leg.id, "", "", firstAnsweredAt, log.child({ channelId: leg.id }));
  let half: SecondHalf | null = null;
  let plan: CallPlan | null = null;
  let isConnected = false;
  const outcomes: LegOutcome[] = [];
  // State changes are written in the order they happened, each after the one before committed.
  let writes = Promise.resolve();
  const write = (what: string, job: () => Promise<unknown>) => {
    writes = writes.then(job).then(() => undefined, (err: unknown) => log.error(`callback ${what} not saved`, { err }));
    return writes;
  };
  const advance = (from: CallbackStateName, to: CallbackStateName, data: Parameters<CallbackStore["advance"]>[3]) =>
    write(to, () => deps.store.advance(row, from, to, data));
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));

  session.callback = {
    onBridged: (bLeg) => {
      isConnected = true;
      void advance("CALLING_SECOND", "CONNECTED", { connectedAt: clock(), secondChannelId: bLeg.id });
    },
    recordOf: (own) => {
      const key = session.answeredLeg?.id ?? [...session.legs.keys()].at(-1);
      if (!key) return null; // nobody was rung for the second half: the first leg's CDR says it all
      return {
        ...own,
        channelId: key,
        callerNumber: half?.incoming.callerId.number ?? own.callerNumber,
        didId: half?.didId ?? null,
        callbackRequestId: row.id,
      } satisfies CallRecordInput;
    },
    onEnded: () => {
      const endedAt = session.endedAt ?? clock();
      const end = { disposition: "ANSWERED" as const, hangupCause: session.hangupCause };
      void deps.stasis.recordCall(firstLegRecord(row, snapshot, party, leg, { startedAt, answeredAt: firstAnsweredAt, endedAt }, end));
      if (isConnected) void advance("CONNECTED", "COMPLETED", { endedAt });
      else {
        const failure = secondHalfFailure(session, plan, outcomes);
        log.info("callback failed", { ...failure });
        void write("FAILED", () => deps.store.fail(row, failure.reason, failure.detail, endedAt));
      }
      void writes.then(markEnded);
    },
  };
  // Synchronously with the answer, so the registry sees every event of the channel from now on.
  deps.registry.add(session);
  if (deps.firstLegs.release(stage, leg.id)) {
    session.isCallerGone = true;
    deps.registry.finish(session);
  }
  void advance("CALLING_FIRST", "CALLING_SECOND", { firstAnsweredAt, firstChannelId: leg.id });
  try {
    half = await party.handOver(leg);
    session.origin = half.origin;
    session.incoming = half.incoming;
    session.calledNumber = half.incoming.dialled || whoIsCalled(half);
    plan = half.plan;
    session.planKind = plan.kind;
    session.log.info("routing callback", { kind: plan.kind, trace: plan.trace });
    const registerLeg = (legId: string) => {
      deps.registry.registerLeg(session, legId);
      void session.legs.get(legId)?.outcome.then((o) => outcomes.push(o));
    };
    if (!session.isCallerGone) await executeSteps({ deps: deps.stasis, session, registerLeg }, plan, plan.steps);
  } catch (err) {
    if (!session.isCallerGone) {
      session.log.error("callback routing failed; hanging up", { err });
      session.isEnding = true;
      plan = null;
      for (const l of session.legs.values()) void quietly(session.log, "leg hangup", () => deps.stasis.ari.channels.hangup(l.id, "normal"));
      await quietly(session.log, "caller hangup", () => deps.stasis.ari.channels.hangup(session.callerId, "normal_unspecified"));
    }
  }
  await ended;
}

/** The CDR's called number when nothing was dialled (a widget's destination): whom the plan rings first. */
function whoIsCalled(half: SecondHalf): string {
  const dial = half.plan.steps.find((s) => s.type === "dial");
  const target = dial?.type === "dial" ? dial.targets[0] : undefined;
  return target ? targetLabel(target) : "callback";
}
