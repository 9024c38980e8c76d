/**
 * Waits for one ARI event about a call, bounded in time and cut short when the caller leaves.
 * The listener is attached before the request that causes the event is sent (see `armed`),
 * because the event can beat the HTTP response.
 */
import type { AriClient, AriEventMap } from "../ari";
import type { CallSession } from "./call-session";

export type WaitResult<E> = { kind: "event"; event: E } | { kind: "timeout" } | { kind: "callerGone" };

export interface ArmedWait<E> {
  /** Settles once: the first matching event, the timeout, or the caller leaving. */
  result: Promise<WaitResult<E>>;
  /** Detaches early (e.g. when the request that should cause the event failed). */
  cancel(): void;
}

/**
 * Listens for the first event of any of `types` that `match` accepts. `timeoutMs` is real
 * time (the worker's, not the far end's); the wait never outlives the caller's channel.
 */
export function armed<K extends keyof AriEventMap>(
  ari: Pick<AriClient, "on">, session: CallSession, types: readonly K[], match: (event: AriEventMap[K]) => boolean, timeoutMs: number,
): ArmedWait<AriEventMap[K]> {
  let finish!: (r: WaitResult<AriEventMap[K]>) => void;
  const result = new Promise<WaitResult<AriEventMap[K]>>((resolve) => (finish = resolve));
  const offs = types.map((type) => ari.on(type, (event) => {
    if (match(event)) done({ kind: "event", event });
  }));
  const timer = setTimeout(() => done({ kind: "timeout" }), timeoutMs);
  let isDone = false;
  function done(r: WaitResult<AriEventMap[K]>) {
    if (isDone) return;
    isDone = true;
    clearTimeout(timer);
    offs.forEach((off) => off());
    finish(r);
  }
  void session.callerGone.then(() => done({ kind: "callerGone" }));
  return { result, cancel: () => done({ kind: "timeout" }) };
}
