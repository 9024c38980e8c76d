/**
 * Calls a previous worker process left behind. A worker killed mid-call (SIGKILL, OOM, a host
 * crash) leaves its channels in the Stasis app and its bridges up: nobody will ever end them,
 * write their CDRs or reset the extensions' call states. On start, before taking calls, the
 * worker settles them: hangs up every channel of its app it does not know, destroys its
 * bridges, writes one CDR per orphaned call (from the channels and the call states the dead
 * worker wrote) and resets the call states whose channels are gone.
 *
 * Call states are reset when their channel is no longer up on this Asterisk; with several
 * Asterisk nodes sharing one database this would also reset another node's live calls, which
 * is why the design runs one worker per node and one node per database today (docs/telephony.md).
 */
import type { AriClient, Channel } from "../ari";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { CallOrigin } from "../dialplan/resolve-tenant";
import type { UnsettledCallState } from "../dialplan/unsettled-call-states";
import type { Logger } from "../log";
import type { CallPresence } from "../presence/call-presence";
import { quietly } from "./deps";
import { CALLBACK_ARG, LEG_ARG } from "./leg-dialer";

export interface OrphanDeps {
  ari: AriClient;
  app: string;
  log: Logger;
  clock: () => Date;
  /** True for channels and bridges this process already handles (calls that arrived since). */
  isKnown: (id: string) => boolean;
  /**
   * When this worker started: a channel created later is a new call whose StasisStart may still
   * be in flight, never an orphan (Asterisk's clock; the same host's in practice).
   */
  startedAt: Date;
  /** The pjsip.conf trunk outbound legs leave through: its channels are `PJSIP/<trunk>-…`. */
  trunk: string;
  findUnsettledCallStates: () => Promise<UnsettledCallState[]>;
  resolveCall: (channel: Channel) => Promise<CallOrigin | null>;
  recordCall: (record: CallRecordInput) => void;
  presence: CallPresence;
}

export interface SettleResult {
  channels: number;
  bridges: number;
  records: number;
  states: number;
}

/** The caller channel a leg was dialled for (`Stasis(app,leg,<callerId>)`), or the channel itself. */
export function callKeyOf(channel: Pick<Channel, "id" | "dialplan">): string {
  const [, kind, callerId] = channel.dialplan.app_data.split(",");
  return kind === LEG_ARG && callerId ? callerId : channel.id;
}

const isInStasisOf = (channel: Channel, app: string) =>
  channel.dialplan.app_name.toLowerCase() === "stasis" && channel.dialplan.app_data.split(",")[0] === app;

export async function settleOrphanedCalls(deps: OrphanDeps): Promise<SettleResult> {
  const [channels, bridges, application, states] = await Promise.all([
    deps.ari.channels.list(),
    deps.ari.bridges.list(),
    deps.ari.applications.get(deps.app),
    deps.findUnsettledCallStates(),
  ]);
  const subscribed = new Set(application.channel_ids);
  const isOld = (c: Channel) => !(Date.parse(c.creationtime) >= deps.startedAt.getTime());
  const orphans = channels.filter((c) => !deps.isKnown(c.id) && isOld(c) && (subscribed.has(c.id) || isInStasisOf(c, deps.app)));
  const orphanIds = new Set(orphans.map((c) => c.id));
  const ownBridges = new Set(application.bridge_ids);
  const orphanBridges = bridges.filter((b) =>
    !deps.isKnown(b.id) && (ownBridges.has(b.id) || b.channels.some((id) => orphanIds.has(id))));
  const now = deps.clock();

  for (const channel of orphans) {
    void quietly(deps.log.child({ channelId: channel.id }), "orphan hangup", () => deps.ari.channels.hangup(channel.id, "normal"));
  }
  for (const bridge of orphanBridges) void quietly(deps.log, "orphan bridge destroy", () => deps.ari.bridges.destroy(bridge.id));

  const calls = new Map<string, Channel[]>();
  for (const channel of orphans) calls.set(callKeyOf(channel), [...(calls.get(callKeyOf(channel)) ?? []), channel]);
  let records = 0;
  for (const [callerId, parts] of calls) {
    const record = await orphanRecord(deps, callerId, parts, states, now).catch((err: unknown) => {
      deps.log.warn("could not rebuild an orphaned call's CDR", { channelId: callerId, err });
      return null;
    });
    if (!record) continue;
    deps.recordCall(record);
    records++;
  }

  // Every state whose channel is no longer up: orphans are being hung up, the rest ended
  // while no worker was listening.
  const up = new Set(channels.filter((c) => !orphanIds.has(c.id)).map((c) => c.id));
  const stale = states.filter((s) => !s.channelId || !up.has(s.channelId));
  for (const s of stale) deps.presence.idle(s.tenantId, s.extensionId, s.channelId ?? "", now);

  const result = { channels: orphans.length, bridges: orphanBridges.length, records, states: stale.length };
  if (orphans.length || orphanBridges.length || stale.length) deps.log.warn("settled calls left by a previous worker", { ...result });
  return result;
}

/**
 * The CDR of one orphaned call, as far as it can be known: the tenant and extension from the
 * call states (or the caller's channel), answered when a party was in the call (the state's
 * `since`; a call on hold counts from the hold, so it is never over-billed), ended now.
 */
async function orphanRecord(
  deps: OrphanDeps, callerId: string, parts: Channel[], states: UnsettledCallState[], now: Date,
): Promise<CallRecordInput | null> {
  const ids = new Set([callerId, ...parts.map((c) => c.id)]);
  const related = states.filter((s) => s.channelId && ids.has(s.channelId));
  const caller = parts.find((c) => c.id === callerId);
  const callerState = related.find((s) => s.channelId === callerId);
  const origin = caller ? await deps.resolveCall(caller) : null;
  const tenantId = origin?.tenantId ?? related[0]?.tenantId;
  if (!tenantId) return null;
  const answered = related.filter((s) => s.state !== "RINGING" && s.since).map((s) => (s.since as Date).getTime());
  const leg = parts.find((c) => c.id !== callerId);
  const started = Math.min(...parts.map((c) => Date.parse(c.creationtime)).filter(Number.isFinite), now.getTime());
  // A leg's own fields name the caller (it presents the caller's ID), so the callee comes from
  // the leg's endpoint: an extension's SIP account, or the trunk for an outbound call.
  const legOrigin = leg ? await deps.resolveCall(leg) : null;
  const isOutbound = leg?.name.startsWith(`PJSIP/${deps.trunk}-`) === true;
  // A web callback's first party entered Stasis with `callback,<requestId>`.
  const [, kind, callbackRequestId] = caller?.dialplan.app_data.split(",") ?? [];
  return {
    ...(kind === CALLBACK_ARG && callbackRequestId ? { callbackRequestId } : {}),
    tenantId,
    channelId: callerId,
    direction: origin?.kind === "trunk" ? "INBOUND" : isOutbound ? "OUTBOUND" : "INTERNAL",
    callerNumber: caller?.caller.number || leg?.caller.number || "anonymous",
    calledNumber: caller?.dialplan.exten || (legOrigin?.kind === "extension" ? legOrigin.extensionNumber : "") || "unknown",
    // The caller's extension when it was one (as for any CDR), else the callee's.
    extensionId: origin?.kind === "extension" ? origin.extensionId : (callerState ?? related[0])?.extensionId ?? null,
    didId: origin?.kind === "trunk" ? origin.didId : null,
    startedAt: new Date(started),
    answeredAt: answered.length ? new Date(Math.min(...answered)) : null,
    endedAt: now,
    disposition: answered.length ? "ANSWERED" : "NO_ANSWER",
    hangupCause: "worker restarted mid-call",
  };
}
