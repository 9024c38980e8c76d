/** What the Stasis handlers need, injected so tests and the bench wire real or fake parts. */
import type { AriClient, Channel } from "../ari";
import type { CallRecordInput } from "../dialplan/call-record-store";
import type { CallOrigin } from "../dialplan/resolve-tenant";
import type { CallerId, CallPlan, IncomingCall, RoutingState, TenantDialPlan } from "../engine";
import type { Logger } from "../log";
import type { CallPresence } from "../presence/call-presence";
import type { MenuChoice, QueueAttempt } from "./media-engine-contract";
import type { QueueCallStore } from "./queue-call-store";
import type { QueueWaitStats } from "./queue-wait-estimate";
import type { CallRecorder } from "./record-call";

export interface StasisDeps {
  ari: AriClient;
  app: string;
  log: Logger;
  clock: () => Date;
  resolveCall: (channel: Channel) => Promise<CallOrigin | null>;
  dialPlanFor: (tenantId: string) => Promise<TenantDialPlan>;
  /** Called once per finished call; the worker writes (and rates) the CDR, settling when it is in. */
  recordCall: (record: CallRecordInput) => void | Promise<void>;
  /** Call recording (record-call.ts); absent = no call is recorded. */
  recordings?: CallRecorder;
  presence: CallPresence;
  /** False while the worker drains for shutdown: new calls are refused cleanly. */
  isAccepting: () => boolean;
  /** The routing decision; the engine's routeCall unless a test substitutes a hand-made plan. */
  route?: (snapshot: TenantDialPlan, call: IncomingCall, now: Date, state: RoutingState) => CallPlan;
  /** The moment's state for hunt groups (busy members, usage, cursors); absent = none known. */
  routingState?: (tenantId: string, timeZone: string, now: Date) => Promise<RoutingState>;
  /** Whether the company may not place chargeable calls now (prepaid, credit used up); absent = never. */
  isOutOfCredit?: (tenantId: string) => Promise<boolean>;
  /** Claims a plan's round-robin cursors all or none (compare-and-set); false = taken first. */
  claimRoundRobin?: (tenantId: string, claims: CallPlan["roundRobin"]) => Promise<boolean>;
  /** How long (ms) a leg that must press 1 to accept has, from answering. Default 10 000. */
  confirmTimeoutMs?: number;
  /** Safety margin (ms) over a dial's own timeout before the worker gives up on a leg itself. */
  legGraceMs?: number;
  /** How long (ms) a call that ended in Stasis waits for the caller's ChannelDestroyed. Default 2000. */
  causeGraceMs?: number;
  /**
   * IVR: what the keys pressed so far mean, decided by the engine (routeMenuChoice) on a fresh
   * dial plan and routing state. Absent: a menu step cannot run (the call falls back).
   */
  menuChoice?: (tenantId: string, request: { call: IncomingCall; menuId: string; digits: string; isFinal: boolean }) => Promise<MenuChoice>;
  /** Queues: whom to ring now (engine queueAttempt: members re-read, logged in and free). Absent: nobody is rung. */
  queueAttempt?: (tenantId: string, request: { queueId: string; callerId: CallerId }) => Promise<QueueAttempt | null>;
  /** Claims a queue attempt's cursors (keyed by queue id) all or none; false = taken first. */
  claimQueueRoundRobin?: (tenantId: string, claims: QueueAttempt["roundRobin"]) => Promise<boolean>;
  /** Callers waiting in queues (QueueWaitingCall rows + presence notices); absent = not recorded. */
  queueCalls?: QueueCallStore;
  /** Recent answered waits per queue on this worker, for the expected-wait announcement. */
  queueWaits?: QueueWaitStats;
}

/** ARI's 404/409/422 on a channel or bridge mean "already gone or moved on": routine races. */
export const isGoneError = (err: unknown): boolean => {
  const status = (err as { status?: unknown } | null)?.status;
  return status === 404 || status === 409 || status === 422;
};

/** Runs a best-effort ARI clean-up call: a missing channel is fine, anything else is logged. */
export async function quietly(log: Logger, what: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!isGoneError(err)) log.warn(`${what} failed`, { err });
  }
}
