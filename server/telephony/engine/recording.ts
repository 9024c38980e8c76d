/**
 * Whether a bridged call is recorded, and for whose account (issue 12). Pure: the worker asks
 * once the two parties are bridged, with who called and who answered.
 *
 * An account's four flags name the kind of call it takes part in: incoming = it answered,
 * outgoing = it placed the call; external = the other party is over the trunk. An internal
 * call has an extension at both ends, so both are asked: the caller's outgoingInternal and
 * the callee's incomingInternal. The caller is asked first, so when both record, the one
 * recording belongs to the caller's extension (the announcement is the first non-empty one).
 */
import type { RecordingPolicy } from "./media-types";

export interface RecordingParties {
  /** The extension that placed the call; absent for a call from the trunk. */
  callerExtensionId?: string;
  /** The extension whose phone answered; absent when an external number (or a fax) answered. */
  answeredExtensionId?: string;
  /** The caller came over the trunk. */
  isExternalCaller: boolean;
  /** The answering party is over the trunk (an outbound call, or a forward to a number). */
  isExternalCallee: boolean;
}

export interface RecordingDecision {
  /** The extension whose setting caused the recording (Recording.extensionId). */
  extensionId: string;
  /** Media to play to the bridge as recording starts; empty = none. */
  announcement: string[];
}

/** Only the dial plan's extensions are read, so previews and tests can pass a small map. */
export interface RecordingPlan {
  extensionsById: ReadonlyMap<string, { recording?: RecordingPolicy | undefined }>;
}

export function shouldRecord(plan: RecordingPlan, parties: RecordingParties): RecordingDecision | null {
  const ends: { extensionId: string; records: boolean; announcement: string[] }[] = [];
  if (parties.callerExtensionId && !parties.isExternalCaller) {
    const policy = plan.extensionsById.get(parties.callerExtensionId)?.recording;
    const records = parties.isExternalCallee ? policy?.outgoingExternal : policy?.outgoingInternal;
    ends.push({ extensionId: parties.callerExtensionId, records: records === true, announcement: policy?.announcement ?? [] });
  }
  if (parties.answeredExtensionId && !parties.isExternalCallee) {
    const policy = plan.extensionsById.get(parties.answeredExtensionId)?.recording;
    const records = parties.isExternalCaller ? policy?.incomingExternal : policy?.incomingInternal;
    ends.push({ extensionId: parties.answeredExtensionId, records: records === true, announcement: policy?.announcement ?? [] });
  }
  const recording = ends.filter((end) => end.records);
  const first = recording[0];
  if (!first) return null;
  const announcement = recording.find((end) => end.announcement.length > 0)?.announcement ?? [];
  return { extensionId: first.extensionId, announcement: [...announcement] };
}
