/**
 * The Server-Sent Events body for one browser: presence changes of one tenant (optionally
 * filtered to the viewer's own extension), heartbeats, a resync hint after the shared
 * LISTEN connection comes back, and an `ended` frame before it closes because the viewer's
 * session ended. Separate from the route so tests drive it without HTTP.
 */
import { tenantDb } from "../tenancy";
import { getPresenceHub } from "./presence-hub-instance";
import type { PresenceHub, PresenceNotification, PresenceSignal } from "./presence-hub";
import { isVisible, readPresenceEvent, type PresenceFilter } from "./presence-state";
import { readCallbackEvent, type CallbackViewerFilter } from "./callback-events";

export const HEARTBEAT_MS = 15_000;
/** EventSource reconnects after this long when the stream drops (deploys, proxies). */
export const RETRY_MS = 3_000;

type StreamOptions = {
  tenantId: string;
  filter: PresenceFilter;
  /** Who watches, for callback progress frames (issue 14); without it none are sent. */
  callbackViewer?: CallbackViewerFilter;
  signal: AbortSignal;
  /** Watches the viewer's session (LiveSession.watch); the stream ends when it does. */
  watchSession?: (onEnd: () => void) => () => void;
  hub?: PresenceHub;
  heartbeatMs?: number;
  log?: (message: string, err?: unknown) => void;
};

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * One database read and one encoded frame per notification, shared by every stream of the
 * tenant: the hub hands the same notification object to all of them, so this cache is keyed by
 * that object and lets it go with it. Without it, 200 open pages meant 200 identical reads per
 * change, and a busy switchboard backed up for seconds (npm run bench:presence).
 */
const framesByNotification = new WeakMap<PresenceNotification, Promise<Uint8Array | null>>();

function presenceFrame(db: ReturnType<typeof tenantDb>, notification: PresenceNotification): Promise<Uint8Array | null> {
  let pending = framesByNotification.get(notification);
  if (!pending) {
    // Recorded calls are their own event type, so pages that patch presence rows never see them.
    pending = readPresenceEvent(db, notification).then((event) => (event ? frame(event.kind === "callEnded" ? "calls" : "presence", event) : null));
    framesByNotification.set(notification, pending);
  }
  return pending;
}

/**
 * Returns the stream; it ends (and unsubscribes, and stops its timer) when `signal` aborts,
 * the reader cancels or the viewer's session ends. Events for one browser are written in
 * notification order: each read is chained after the previous one, so a quick
 * ringing-then-idle never arrives reversed.
 */
export function createPresenceStream({ tenantId, filter, callbackViewer, signal, watchSession, hub = getPresenceHub(), heartbeatMs = HEARTBEAT_MS, log = console.error }: StreamOptions) {
  const db = tenantDb(tenantId);
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let isOpen = true;
      let queue = Promise.resolve();
      const send = (chunk: Uint8Array) => {
        if (!isOpen) return;
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup(); // the consumer went away between our check and the write
        }
      };
      const onSignal = (s: PresenceSignal) => {
        if (s.kind === "resync") return send(frame("resync", {}));
        if (s.kind === "callback") {
          if (!callbackViewer) return;
          // Per viewer (whose request it is decides), so not shared like presence frames; in order all the same.
          const pendingCallback = readCallbackEvent(db, callbackViewer, s);
          queue = queue
            .then(async () => {
              const event = await pendingCallback;
              if (event) send(frame("callback", event));
            })
            .catch((err: unknown) => log(`callback: could not read request for tenant ${tenantId}`, err));
          return;
        }
        if (!isVisible(filter, s)) return;
        const framed = presenceFrame(db, s); // start the shared read now, send in order below
        queue = queue
          .then(async () => {
            const chunk = await framed;
            if (chunk) send(chunk);
          })
          .catch((err: unknown) => log(`presence: could not read state for tenant ${tenantId}`, err));
      };

      send(encoder.encode(`retry: ${RETRY_MS}\n: connected\n\n`));
      const unsubscribe = hub.subscribe(tenantId, onSignal);
      // Changes are heard only once LISTEN is active; the client reloads on `ready`, so nothing
      // that happened between its first read and this moment is missed.
      void hub.ready().then(() => send(frame("ready", {})), () => {});
      // A comment line every 15 s keeps proxies and load balancers from closing an idle stream.
      const heartbeat = setInterval(() => send(encoder.encode(": ping\n\n")), heartbeatMs);
      // Sign-out, suspension, a password or role change: the browser is told, then cut off.
      const unwatch = watchSession?.(() => {
        send(frame("ended", {}));
        cleanup();
      });
      cleanup = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(heartbeat);
        unsubscribe();
        unwatch?.();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed or errored by the consumer
        }
      };
      if (signal.aborted) cleanup();
      else signal.addEventListener("abort", cleanup);
    },
    cancel() {
      cleanup();
    },
  });
}
