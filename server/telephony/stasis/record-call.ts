/**
 * Call recording in the worker (issue 12), start and stop. When a call is bridged and
 * `shouldRecord` says so, the announcement (if any) plays to the bridge and the bridge's mixed
 * audio is recorded by Asterisk under a unique name (`rec-<uuid>`, ifExists=fail, so two calls
 * can never write one file). The recording is stopped before the bridge is destroyed, and
 * collected (collect-recording.ts) once the call's CDR has been handed over.
 *
 * Recording never costs the call: every failure here is logged and the call goes on unrecorded.
 */
import { randomUUID } from "node:crypto";
import type { MediaStore } from "@/server/media/storage/media-store";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { RecordingRow } from "../dialplan/recording-store";
import { shouldRecord } from "../engine/recording";
import type { CallSession, Leg } from "./call-session";
import { quietly, type StasisDeps } from "./deps";
import { collectRecording } from "./collect-recording";

/** What the worker wires in for recording; absent from StasisDeps = calls are not recorded. */
export interface CallRecorder {
  store: MediaStore;
  /** Inserts the Recording row and links the call's CDR to it; false = no CDR to link. */
  save: (row: RecordingRow) => Promise<{ isLinked: boolean }>;
  /** Keeps a collection alive through the worker's flush and shutdown. */
  track: (work: Promise<void>) => void;
  /** Waits between tries to fetch, store and save; default 0.5 s, 2 s, 5 s, 15 s. */
  retryDelaysMs?: readonly number[];
}

export interface ActiveRecording {
  name: string;
  extensionId: string;
  startedAt: Date;
  /** Resolves true once Asterisk accepted the record request, false if it refused it. */
  started: Promise<boolean>;
  isStopped: boolean;
}

/** Per call, without a field on CallSession: dropped with the session. */
const active = new WeakMap<CallSession, ActiveRecording>();

export const activeRecordingOf = (session: CallSession): ActiveRecording | undefined => active.get(session);

/** After the bridge holds caller and callee: records it if either party's account says so. */
export async function startCallRecording(deps: StasisDeps, session: CallSession, leg: Leg): Promise<void> {
  const recorder = deps.recordings;
  const tenantId = session.tenantId;
  const bridgeId = session.bridgeId;
  if (!recorder || !tenantId || !bridgeId || session.isFinished || active.has(session)) return;
  try {
    const plan = await deps.dialPlanFor(tenantId); // cached: the plan this call was routed with
    const decision = shouldRecord(plan, {
      ...(session.origin?.kind === "extension" ? { callerExtensionId: session.origin.extensionId } : {}),
      ...(leg.target.kind === "endpoint" ? { answeredExtensionId: leg.target.extensionId } : {}),
      isExternalCaller: session.origin?.kind === "trunk",
      isExternalCallee: leg.target.kind === "external",
    });
    if (!decision || session.isFinished) return;
    const name = `rec-${randomUUID()}`;
    let markStarted!: (isStarted: boolean) => void;
    const recording: ActiveRecording = {
      name, extensionId: decision.extensionId, startedAt: deps.clock(), isStopped: false,
      started: new Promise<boolean>((resolve) => (markStarted = resolve)),
    };
    // Registered before the request: a hang-up while it is in flight must still stop and collect it.
    active.set(session, recording);
    if (decision.announcement.length > 0) {
      await quietly(session.log, "recording announcement", () => deps.ari.bridges.play(bridgeId, decision.announcement));
    }
    try {
      await deps.ari.bridges.record(bridgeId, { name, format: "wav", ifExists: "fail" });
      markStarted(true);
      session.log.info("call recording started", { recording: name, extensionId: decision.extensionId });
    } catch (err) {
      markStarted(false);
      if (!session.isCallerGone) session.log.warn("call recording could not start; the call goes on unrecorded", { err, recording: name });
    }
  } catch (err) {
    session.log.warn("recording decision failed; the call goes on unrecorded", { err });
  }
}

/**
 * Ends the bridge at the end of a call: stops its recording first (so the file is complete
 * and stored before the bridge goes), then destroys the bridge. Best effort, like all clean-up.
 */
export async function endBridge(deps: StasisDeps, session: CallSession, bridgeId: string): Promise<void> {
  const recording = active.get(session);
  if (recording && !recording.isStopped) {
    recording.isStopped = true;
    if (await recording.started) await quietly(session.log, "recording stop", () => deps.ari.recordings.stopLive(recording.name));
  }
  await quietly(session.log, "bridge destroy", () => deps.ari.bridges.destroy(bridgeId));
}

/** After the CDR was handed over (`cdrWritten` settles once it is in the database). */
export function collectCallRecording(deps: StasisDeps, session: CallSession, record: CallRecordInput, cdrWritten: Promise<void>): void {
  const recording = active.get(session);
  const recorder = deps.recordings;
  if (!recording || !recorder) return;
  active.delete(session);
  recorder.track(collectRecording(deps.ari, recorder, session.log, { recording, record, cdrWritten }));
}
