/**
 * What happens on every ARI (re)connect, and the drain on shutdown.
 * On the first connect of this process: settle calls a previous worker left (stasis/orphan-
 * calls.ts). On every connect: subscribe the app to `endpoint:PJSIP` (registration events),
 * then a full provisioning push, because an Asterisk restart forgets dynamic objects and we
 * may have missed changes while disconnected. Sync jobs run one at a time, in order.
 */
import type { AriClient } from "./ari";
import type { Logger } from "./log";
import type { Provisioner } from "./provisioning/provisioner";
import type { CallRegistry } from "./stasis/call-registry";
import { quietly } from "./stasis/deps";

/** After a push, re-created AORs are qualified within about a second (max_initial_qualify_time). */
const PRESENCE_RESYNC_DELAY_MS = 3000;

export function connectLifecycle(deps: {
  ari: AriClient;
  app: string;
  log: Logger;
  provisioner: Provisioner;
  registry: CallRegistry;
  /** Runs once, on the first connect, before anything else. */
  settleOrphans?: () => Promise<unknown>;
  /** ARI went away: nobody hears phones now (registrations become unknown). */
  onDisconnected?: () => Promise<unknown>;
  /**
   * Some seconds after each full provisioning push, once re-created AORs were qualified.
   * `isCurrent()` turns false once ARI dropped since: the answer read is then stale.
   */
  resyncPresence?: (isCurrent: () => boolean) => Promise<unknown>;
  resyncDelayMs?: number;
  afterProvisioning?: () => void | Promise<void>;
}) {
  let chain = Promise.resolve();
  /** Counts ARI drops, so work started on one connection can tell it is stale. */
  let epoch = 0;
  let lastEventAt: number | null = null;
  let resolveFirst!: () => void;
  const firstSync = new Promise<void>((resolve) => (resolveFirst = resolve));

  const queue = (what: string, job: () => Promise<unknown>) => {
    chain = chain.then(job).then(
      () => undefined,
      (err: unknown) => deps.log.error(`${what} failed`, { err }),
    );
    return chain;
  };

  const offs = [
    deps.ari.on("message", () => void (lastEventAt = Date.now())),
    deps.ari.on("connected", ({ connectionCount }) => {
      deps.log.info("ARI connected", { connectionCount });
      const { settleOrphans } = deps;
      if (connectionCount === 1 && settleOrphans) void queue("settle calls left by a previous worker", settleOrphans);
      if (connectionCount > 1) {
        void queue("reconcile calls after reconnect", async () => {
          const live = await deps.ari.channels.list();
          deps.registry.reconcile(new Set(live.map((c) => c.id)));
        });
      }
      void queue("subscribe endpoint:PJSIP", () => deps.ari.applications.subscribe(deps.app, "endpoint:PJSIP"));
      void queue("full provisioning sync", () => deps.provisioner.fullSync()).then(() => {
        const { resyncPresence } = deps;
        if (!resyncPresence) return;
        const startedIn = epoch;
        // A drop since this push makes its resync meaningless: the next connect schedules one.
        const resync = () => (epoch === startedIn ? resyncPresence(() => epoch === startedIn) : Promise.resolve());
        const timer = setTimeout(() => void queue("presence resync", resync), deps.resyncDelayMs ?? PRESENCE_RESYNC_DELAY_MS);
        timer.unref();
      });
      void queue("after provisioning", async () => deps.afterProvisioning?.()).then(resolveFirst);
    }),
    deps.ari.on("disconnected", (info) => {
      deps.log.warn("ARI disconnected", { ...info });
      epoch++;
      // Queued behind any resync in flight, so a resync that read Asterisk before the drop
      // can never write its stale answer after this.
      const { onDisconnected } = deps;
      if (onDisconnected) void queue("mark presence unknown", onDisconnected);
    }),
    deps.ari.on("error", (err) => deps.log.warn("ARI error", { err })),
  ];

  return {
    queue,
    firstSync,
    lastEventAt: () => (lastEventAt === null ? null : new Date(lastEventAt).toISOString()),
    detach: () => offs.forEach((off) => off()),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drain: new calls are already refused; wait for active calls to end, then hang up the rest.
 * Leaving them would strand callers: a bridge nobody watches never ends the other side.
 */
export async function stopWorker(deps: { ari: AriClient; registry: CallRegistry; log: Logger; drainTimeoutMs: number }): Promise<void> {
  const deadline = Date.now() + deps.drainTimeoutMs;
  while (deps.registry.activeCalls > 0 && Date.now() < deadline) await sleep(50);
  const remaining = [...deps.registry.callers.values()];
  if (remaining.length > 0) deps.log.warn("hanging up calls still active at shutdown", { count: remaining.length });
  for (const session of remaining) {
    session.isEnding = true;
    void quietly(session.log, "shutdown hangup", () => deps.ari.channels.hangup(session.callerId, "normal"));
  }
  const hardDeadline = Date.now() + 2000;
  while (deps.registry.activeCalls > 0 && Date.now() < hardDeadline) await sleep(20);
  // Anything left never told us it ended (socket gone): finish it locally so CDRs are written.
  for (const session of deps.registry.callers.values()) deps.registry.finish(session);
  deps.registry.flushAwaitingCause();
}
