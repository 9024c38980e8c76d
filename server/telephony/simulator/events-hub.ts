/**
 * Stasis applications, their event subscriptions and WebSocket delivery. Given a validator
 * (tests pass one built from Asterisk's spec), every event is checked against the model for
 * its type before it leaves; violations are counted, never thrown, so a bad payload shows up
 * in the conformance test instead of killing a call.
 */
import type { WebSocket } from "ws";

/** Returns the problems with one event (empty = conforms). */
export type EventValidator = (type: string, event: Record<string, unknown>) => string[];

export interface SimApp {
  name: string;
  /** Set by `subscribeAll=true` on the socket: the app receives every event. */
  isSubscribedToAll: boolean;
  socket?: WebSocket;
  channelIds: Set<string>;
  bridgeIds: Set<string>;
  /** `PJSIP/alice` for one endpoint or `PJSIP` for every endpoint of a technology. */
  endpointIds: Set<string>;
  deviceNames: Set<string>;
}

export interface EmittedEvent {
  type: string;
  application: string;
  timestamp: string;
  [key: string]: unknown;
}

type Matcher = (event: EmittedEvent) => boolean;
const HISTORY_LIMIT = 10_000;

export const ariTimestamp = (ms: number = Date.now()) => new Date(ms).toISOString().replace("Z", "+0000");

export class EventsHub {
  readonly apps = new Map<string, SimApp>();
  readonly history: EmittedEvent[] = [];
  readonly counts = new Map<string, number>();
  readonly violations: string[] = [];
  #waiters = new Set<{ match: Matcher; resolve: (e: EmittedEvent) => void }>();

  constructor(
    private readonly asteriskId: string,
    private readonly validateEvent?: EventValidator,
  ) {}

  /** Registers (or re-activates) an app, as Asterisk does when a socket names it. */
  register(name: string, socket: WebSocket, isSubscribedToAll: boolean): SimApp {
    const app = this.apps.get(name) ?? {
      name, isSubscribedToAll, channelIds: new Set<string>(), bridgeIds: new Set<string>(),
      endpointIds: new Set<string>(), deviceNames: new Set<string>(),
    };
    app.isSubscribedToAll = isSubscribedToAll;
    // A second socket for the same app takes it over; the old one is told and gets nothing more.
    if (app.socket && app.socket !== socket) this.#send(app.socket, this.#stamp({ type: "ApplicationReplaced" }, name));
    app.socket = socket;
    this.apps.set(name, app);
    return app;
  }

  /** The socket closed: the app stays registered (channels stay in Stasis) but is inactive. */
  detach(socket: WebSocket): void {
    for (const app of this.apps.values()) if (app.socket === socket) delete app.socket;
  }

  /** Sends `body` to each named app that is registered; returns the events as delivered. */
  emit(body: { type: string } & Record<string, unknown>, appNames: Iterable<string>): EmittedEvent[] {
    const sent: EmittedEvent[] = [];
    for (const name of new Set(appNames)) {
      const app = this.apps.get(name);
      if (!app) continue;
      const event = this.#stamp(body, name);
      if (this.validateEvent) {
        const problems = this.validateEvent(event.type, event);
        if (problems.length) this.violations.push(`${event.type}: ${problems.join("; ")}`);
      }
      this.counts.set(event.type, (this.counts.get(event.type) ?? 0) + 1);
      this.history.push(event);
      if (this.history.length > HISTORY_LIMIT) this.history.shift();
      if (app.socket) this.#send(app.socket, event);
      for (const waiter of [...this.#waiters]) {
        if (!waiter.match(event)) continue;
        this.#waiters.delete(waiter);
        waiter.resolve(event);
      }
      sent.push(event);
    }
    return sent;
  }

  /** Apps receiving events for a resource: subscribed to all, or to one of `sources`. */
  appsFor(sources: { channelId?: string; bridgeId?: string; endpointId?: string; deviceName?: string }): string[] {
    const tech = sources.endpointId?.split("/")[0];
    return [...this.apps.values()]
      .filter((app) =>
        app.isSubscribedToAll
        || (sources.channelId !== undefined && app.channelIds.has(sources.channelId))
        || (sources.bridgeId !== undefined && app.bridgeIds.has(sources.bridgeId))
        || (sources.endpointId !== undefined && (app.endpointIds.has(sources.endpointId) || app.endpointIds.has(tech ?? "")))
        || (sources.deviceName !== undefined && app.deviceNames.has(sources.deviceName)))
      .map((app) => app.name);
  }

  /** Resolves with the first event emitted from now on that matches; rejects after `timeoutMs`. */
  waitFor(match: string | Matcher, timeoutMs: number): Promise<EmittedEvent> {
    const test: Matcher = typeof match === "string" ? (e) => e.type === match : match;
    return new Promise((resolve, reject) => {
      const waiter = {
        match: test,
        resolve: (e: EmittedEvent) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`waitFor(${typeof match === "string" ? match : "predicate"}) timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  #stamp(body: { type: string } & Record<string, unknown>, application: string): EmittedEvent {
    const { type, ...rest } = body;
    return { type, timestamp: ariTimestamp(), ...rest, asterisk_id: this.asteriskId, application };
  }

  #send(socket: WebSocket, event: EmittedEvent): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  }
}
