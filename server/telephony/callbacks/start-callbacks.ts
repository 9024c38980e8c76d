/**
 * Wires web-callback placement into the worker (start-worker.ts): the store, the first-party
 * legs, the claim loop and the start-up recovery. The worker's identity in `claimedBy` is
 * `<node>:<pid>:<start>`; recovery settles what an earlier process of the same node left.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { CALLBACK_CHANGED } from "@/server/modules/callbacks/contract";
import type { AriClient } from "../ari";
import type { WorkerDb } from "../dialplan/sip-account-queries";
import type { Logger } from "../log";
import type { CallRegistry } from "../stasis/call-registry";
import type { StasisDeps } from "../stasis/deps";
import { startCallbackPlacer } from "./callback-placer";
import { createCallbackStore, notifyCallbackChanged } from "./callback-store";
import { FirstPartyLegs } from "./first-party-legs";
import { placeCallback } from "./place-callback";
import { recoverLostCallbacks } from "./recover-lost";

export function startCallbacks(options: {
  db: WorkerDb;
  stasis: StasisDeps;
  registry: CallRegistry;
  trunk: string;
  log: Logger;
  clock: () => Date;
  /** NOTIFY over the worker's LISTEN connection; false = not sent (then through Prisma). */
  notify: (channel: string, payload: string) => Promise<boolean>;
  isReady: () => boolean;
  nodeId?: string;
  pollMs?: number;
  maxInFlight?: number;
}) {
  const nodeId = options.nodeId ?? hostname();
  const workerId = `${nodeId}:${process.pid}:${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const log = options.log.child({ component: "callbacks" });
  const store = createCallbackStore(options.db, async (notice) => {
    const isSent = await options.notify(CALLBACK_CHANGED, JSON.stringify(notice)).catch(() => false);
    if (!isSent) await notifyCallbackChanged(options.db, notice);
  });
  const firstLegs = new FirstPartyLegs(options.stasis);
  const placeDeps = { stasis: options.stasis, registry: options.registry, firstLegs, store, trunk: options.trunk, log };
  const placer = startCallbackPlacer({
    store, workerId, log, isReady: options.isReady,
    place: (row) => placeCallback(placeDeps, row),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
  });
  return {
    workerId,
    attach: (ari: AriClient) => firstLegs.attach(ari),
    wake: () => placer.wake(),
    get inFlight() {
      return placer.inFlight;
    },
    recoverLost: () => recoverLostCallbacks({ store, nodeId, workerId, log, clock: options.clock, isKnown: (id) => options.registry.knows(id) }),
    /** Drain: claim nothing more and stop ringing first parties (those requests fail); calls already through drain as calls. */
    async stopClaiming() {
      await placer.stopClaiming();
      firstLegs.cancelAll();
    },
    drain: (timeoutMs: number) => placer.drain(timeoutMs),
  };
}
