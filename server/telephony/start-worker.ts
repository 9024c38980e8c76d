/**
 * Wires the worker: ARI client, Stasis handlers, presence, provisioning, LISTEN and health.
 * worker.ts runs it from the environment; tests and the bench call it with injected parts.
 */
import { AriClient } from "./ari";
import { DialPlanCache } from "./dialplan/dial-plan-cache";
import { CALLBACK_QUEUED } from "@/server/modules/callbacks/contract";
import { DIALPLAN_CHANGED, notifyPresence, PRESENCE, SIP_ACCOUNTS_CHANGED, type PresenceNotice } from "./dialplan/notify";
import type { WorkerDb } from "./dialplan/sip-account-queries";
import { createWorkerStore } from "./dialplan/worker-store";
import type { CallRecordInput } from "./dialplan/call-record-store";
import type { TenantDialPlanInput } from "./engine";
import { startHealthServer, type HealthReport } from "./health";
import { createLogger, type Logger } from "./log";
import { PgListener } from "./pg-listener";
import { createCallPresence } from "./presence/call-presence";
import { attachEndpointPresence } from "./presence/endpoint-presence";
import { createProvisioner } from "./provisioning/provisioner";
import { markRegistrationsUnknown, resolveUnknownRegistrations } from "./dialplan/registration-resync";
import { findUnsettledCallStates } from "./dialplan/unsettled-call-states";
import { claimRoundRobin, loadRoutingState } from "./dialplan/routing-state-store";
import { claimQueueRoundRobin, createQueueWaitingStore, loadQueueCursors } from "./dialplan/queue-waiting-store";
import { CallRegistry } from "./stasis/call-registry";
import type { StasisDeps } from "./stasis/deps";
import type { MediaEngine } from "./stasis/media-engine-contract";
import { mediaEngineDeps } from "./stasis/media-engine-deps";
import { routeMenuChoice } from "./engine/menu";
import { queueAttempt as engineQueueAttempt } from "./engine/queue";
import { QueueWaitStats } from "./stasis/queue-wait-estimate";
import type { MediaStore } from "@/server/media/storage/media-store";
import { saveRecording } from "./dialplan/recording-store";
import { settleOrphanedCalls } from "./stasis/orphan-calls";
import { connectLifecycle, stopWorker } from "./worker-lifecycle";
import { startCallbacks } from "./callbacks/start-callbacks";

export interface WorkerOptions {
  db: WorkerDb;
  /** For the dedicated LISTEN connection. */
  databaseUrl: string;
  ari: { url: string; username: string; password: string; app: string; reconnectMaxSeconds?: number };
  trunk: string;
  /** null: no health server; 0: any free port. */
  healthPort?: number | null;
  clock?: () => Date;
  log?: Logger;
  dialPlanMaxAgeMs?: number;
  /** How long SIGTERM waits for calls to end before hanging them up. Default 10 s. */
  drainTimeoutMs?: number;
  /**
   * After every provisioning push: full (no argument) or of one account or company (its id).
   * The demo registers simulated phones here.
   */
  afterProvisioning?: (sipAccountOrTenantId?: string) => void | Promise<void>;
  /** Delay after each full push before unknown registrations are resynced; default 3 s. */
  presenceResyncDelayMs?: number;
  /** Uniform in [0, 1) for random hunt groups; default Math.random (tests pass a seeded one). */
  random?: () => number;
  /** How long (ms) a forwarded leg has to press 1 when it must confirm; default 10 s. */
  confirmTimeoutMs?: number;
  /** Where call recordings go (createMediaStores); absent = no call is recorded. */
  mediaStore?: MediaStore;
  /** Waits between tries to collect a recording (fetch, store, save); tests shorten them. */
  recordingRetryDelaysMs?: readonly number[];
  /** The media store's absolute folder: menus' and queues' prompts play from it by path. */
  mediaDir?: string;
  /** Copies a prompt from the media store into `mediaDir` before Asterisk plays it (S3 only). */
  ensurePromptFile?: (fileKey: string) => Promise<unknown>;
  /** Replaces the dial-plan loader (tests use it to inject a failure). */
  loadDialPlan?: (tenantId: string) => Promise<TenantDialPlanInput>;
  /** Replaces the engine's IVR and queue decisions (engine/menu.ts, engine/queue.ts). */
  mediaEngine?: MediaEngine;
  /** Test substitutes for the routing decision and for the engine's menu and queue answers. */
  route?: StasisDeps["route"];
  menuChoice?: StasisDeps["menuChoice"];
  queueAttempt?: StasisDeps["queueAttempt"];
  /** Web callbacks: this node's name in CallbackRequest.claimedBy (default the host name), poll and batch. */
  callbacks?: { nodeId?: string; pollMs?: number; maxInFlight?: number };
}

export type Worker = Awaited<ReturnType<typeof startWorker>>;

export async function startWorker(options: WorkerOptions) {
  const log = options.log ?? createLogger();
  const clock = options.clock ?? (() => new Date());
  // Presence NOTIFYs go over the LISTEN connection when it is up (cheaper), else through Prisma.
  const notifyPresenceChange = async (notice: PresenceNotice) => {
    const isSent = await listener.notify(PRESENCE, JSON.stringify(notice)).catch(() => false);
    if (!isSent) await notifyPresence(options.db, notice);
  };
  const store = createWorkerStore(options.db, {
    trunk: options.trunk,
    log,
    notify: (notice) => notifyPresenceChange(notice),
    ...(options.mediaDir !== undefined ? { mediaDir: options.mediaDir } : {}),
    ...(options.ensurePromptFile ? { ensurePromptFile: options.ensurePromptFile } : {}),
  });
  const ari = new AriClient({
    baseUrl: options.ari.url,
    username: options.ari.username,
    password: options.ari.password,
    app: options.ari.app,
    reconnect: { maxDelaySeconds: options.ari.reconnectMaxSeconds ?? 30 },
  });
  const dialPlans = new DialPlanCache(options.loadDialPlan ?? store.loadDialPlan, {
    maxAgeMs: options.dialPlanMaxAgeMs ?? 5 * 60_000,
    onWarnings: (tenantId, warnings) => log.warn("dial plan has problems", { tenantId, warnings }),
  });
  const pendingWrites = new Set<Promise<void>>();
  const track = (write: Promise<void>) => {
    pendingWrites.add(write);
    void write.finally(() => pendingWrites.delete(write));
  };
  const presence = createCallPresence(store, log);
  const recordCall = (record: CallRecordInput) => {
    const write = store.writeCallRecord(record).catch((err: unknown) => log.error("CDR write failed", { tenantId: record.tenantId, channelId: record.channelId, err }));
    track(write);
    return write;
  };
  const mediaStore = options.mediaStore;
  const recordings = mediaStore && {
    store: mediaStore,
    save: (row: Parameters<typeof saveRecording>[1]) => saveRecording(options.db, row),
    track,
    ...(options.recordingRetryDelaysMs ? { retryDelaysMs: options.recordingRetryDelaysMs } : {}),
  };
  /** Channels created before this moment and unknown to us were left by a previous worker. */
  const processStartedAt = clock();
  let isAccepting = true;
  const dialPlanFor = (tenantId: string) => dialPlans.get(tenantId);
  const routingState = async (tenantId: string, timeZone: string, now: Date) => {
    // Only companies with queues pay for the queue cursors' query (the dial plan is cached).
    const hasQueues = (await dialPlanFor(tenantId)).queuesById.size > 0;
    const [state, queueCursors] = await Promise.all([
      loadRoutingState(options.db, tenantId, timeZone, now, options.random),
      hasQueues ? loadQueueCursors(options.db, tenantId) : new Map<string, number>(),
    ]);
    // Queue cursors are keyed by queue id beside the hunt groups' (ids never collide: cuids).
    return { ...state, roundRobinCursors: new Map([...state.roundRobinCursors, ...queueCursors]) };
  };
  // Menu choices and queue attempts can lead to outside numbers too: they see the company's credit.
  const routingStateWithCredit = async (tenantId: string, timeZone: string, now: Date) => {
    const [state, isOutOfCredit] = await Promise.all([routingState(tenantId, timeZone, now), store.isOutOfCredit(tenantId).catch(() => false)]);
    return isOutOfCredit ? { ...state, isOutOfCredit } : state;
  };
  const media = mediaEngineDeps(options.mediaEngine ?? { routeMenuChoice, queueAttempt: engineQueueAttempt }, { dialPlanFor, routingState: routingStateWithCredit, clock });
  const menuChoice = options.menuChoice ?? media.menuChoice;
  const queueAttempt = options.queueAttempt ?? media.queueAttempt;
  const queueCalls = createQueueWaitingStore(options.db, notifyPresenceChange);
  const stasisDeps: StasisDeps = {
    ari,
    app: options.ari.app,
    log,
    clock,
    resolveCall: store.resolveCall,
    dialPlanFor,
    routingState,
    isOutOfCredit: store.isOutOfCredit,
    claimRoundRobin: (tenantId, claims) => claimRoundRobin(options.db, tenantId, claims),
    ...(options.route ? { route: options.route } : {}),
    menuChoice,
    queueAttempt,
    claimQueueRoundRobin: (tenantId, claims) => claimQueueRoundRobin(options.db, tenantId, claims),
    queueCalls,
    queueWaits: new QueueWaitStats(),
    ...(options.confirmTimeoutMs !== undefined ? { confirmTimeoutMs: options.confirmTimeoutMs } : {}),
    recordCall,
    ...(recordings ? { recordings } : {}),
    presence,
    isAccepting: () => isAccepting,
  };
  const registry = new CallRegistry(stasisDeps);
  let isStartupSettled = false;
  const callbacks = startCallbacks({
    db: options.db, stasis: stasisDeps, registry, trunk: options.trunk, log, clock,
    notify: (channel, payload) => listener.notify(channel, payload),
    isReady: () => isStartupSettled && isAccepting && ari.events.isConnected,
    ...options.callbacks,
  });
  const provisioner = createProvisioner({
    ari,
    log,
    listAll: store.listSipAccounts,
    findChanged: store.findSipAccountsFor,
    staticEndpoints: [options.trunk],
  });

  const settleOrphans = async () => {
    const settled = await settleOrphanedCalls({
      ari, app: options.ari.app, log, clock, startedAt: processStartedAt, presence, recordCall, trunk: options.trunk,
      isKnown: (id) => registry.knows(id),
      findUnsettledCallStates: () => findUnsettledCallStates(options.db),
      resolveCall: store.resolveCall,
    });
    // Callers a dead worker left "waiting" are gone (their channels were just hung up) or were
    // never ours to keep: only calls this process handles now are really in a queue.
    const removed = await queueCalls.removeStale((channelId) => registry.knows(channelId));
    if (removed > 0) log.warn("removed queue callers left by a previous worker", { removed });
    await callbacks.recoverLost();
    return settled;
  };
  const lifecycle = connectLifecycle({
    ari, app: options.ari.app, log, provisioner, registry, settleOrphans,
    onDisconnected: async () => {
      await registrations.settled();
      await markRegistrationsUnknown(options.db, notifyPresenceChange);
    },
    resyncPresence: async (isCurrent) => {
      const endpoints = await ari.endpoints.listByTech("PJSIP");
      if (!isCurrent()) return;
      const changed = await resolveUnknownRegistrations(options.db, new Map(endpoints.map((e) => [e.resource, e.state ?? ""])), notifyPresenceChange);
      if (changed > 0) log.info("registrations resynced from Asterisk's endpoints", { changed });
    },
    ...(options.presenceResyncDelayMs !== undefined ? { resyncDelayMs: options.presenceResyncDelayMs } : {}),
    ...(options.afterProvisioning ? { afterProvisioning: options.afterProvisioning } : {}),
  });
  const listener: PgListener = new PgListener({
    connectionString: options.databaseUrl,
    channels: [DIALPLAN_CHANGED, SIP_ACCOUNTS_CHANGED, CALLBACK_QUEUED],
    log,
    maxDelaySeconds: options.ari.reconnectMaxSeconds ?? 30,
    onNotification: (channel, payload) => {
      if (channel === CALLBACK_QUEUED) return callbacks.wake();
      if (channel === DIALPLAN_CHANGED) {
        dialPlans.invalidate(payload);
        store.forgetTenant(payload);
      } else {
        lifecycle.queue(`sync ${payload}`, async () => {
          await provisioner.syncChanged(payload);
          await options.afterProvisioning?.(payload);
        });
      }
    },
    // NOTIFYs were lost while disconnected: forget cached plans and re-push every account.
    onReconnect: () => {
      callbacks.wake();
      dialPlans.clear();
      store.forgetAll();
      lifecycle.queue("full sync after LISTEN reconnect", async () => {
        await provisioner.fullSync();
        await options.afterProvisioning?.();
      });
    },
  });
  await listener.start();

  const detachCalls = registry.attach(ari);
  const detachCallbacks = callbacks.attach(ari);
  // Callbacks are claimed once the start-up (orphans, lost requests, first push) is done.
  void lifecycle.firstSync.then(() => {
    isStartupSettled = true;
    callbacks.wake();
  });
  const offConnected = ari.on("connected", () => callbacks.wake());
  const registrations = attachEndpointPresence(ari, store, log, provisioner.isSettling);
  const startedAt = Date.now();
  const report = (): HealthReport => ({
    ari: ari.events.isConnected ? "connected" : "disconnected",
    lastEventAt: lifecycle.lastEventAt(),
    activeCalls: registry.activeCalls,
    uptimeSec: Math.round((Date.now() - startedAt) / 1000),
  });
  const health = options.healthPort === null || options.healthPort === undefined ? null : await startHealthServer(options.healthPort, report);
  void ari.connect().catch((err: unknown) => log.warn("ARI connect aborted", { err }));

  const flush = async () => {
    while (pendingWrites.size > 0) await Promise.all(pendingWrites);
    await presence.flush();
  };
  return {
    ari,
    registry,
    provisioner,
    health,
    report,
    /** Resolves after the first full provisioning push. */
    ready: lifecycle.firstSync,
    /** Waits for queued CDR and presence writes. */
    flush,
    async stop() {
      isAccepting = false;
      await callbacks.stopClaiming();
      await stopWorker({ ari, registry, log, drainTimeoutMs: options.drainTimeoutMs ?? 10_000 });
      await callbacks.drain(2000);
      await flush();
      detachCalls();
      detachCallbacks();
      offConnected();
      registrations.detach();
      lifecycle.detach();
      await listener.close();
      await ari.close();
      await ari.closeConnections();
      await health?.close();
    },
  };
}
