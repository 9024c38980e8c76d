/**
 * Typed Asterisk ARI client: REST over `fetch` (every call through one `request()`), events
 * over one WebSocket. Configuration is passed in; nothing here reads the environment.
 *
 * ```ts
 * const ari = new AriClient({ baseUrl: "http://127.0.0.1:8088/ari", username, password, app: "centrex" });
 * ari.on("connected", () => resync());          // after every (re)connect
 * ari.on("StasisStart", (event) => onStasisStart(event, event.channel));
 * await ari.connect();
 * await ari.channels.answer(channelId);
 * ```
 */
import type { BackoffOptions } from "./backoff";
import { bridgesApi } from "./bridges-api";
import { channelsApi } from "./channels-api";
import { AriEventStream } from "./event-stream";
import type { AriEventMap } from "./events";
import { playbacksApi, recordingsApi } from "./media-api";
import { createRequest, type AriHttpOptions, type AriRequest } from "./request";
import { applicationsApi, asteriskApi, deviceStatesApi, endpointsApi } from "./system-api";
import type { Listener } from "./typed-emitter";

export interface AriClientOptions extends AriHttpOptions {
  /** Stasis application name the event socket registers. */
  app: string;
  subscribeAll?: boolean;
  reconnect?: BackoffOptions;
  pingIntervalMs?: number;
  /** Injected for deterministic reconnect jitter in tests. */
  random?: () => number;
}

export class AriClient {
  readonly app: string;
  /** The single REST entry point; typed resource methods below are thin wrappers over it. */
  readonly request: AriRequest;
  readonly events: AriEventStream;
  readonly applications;
  readonly asterisk;
  readonly endpoints;
  readonly channels;
  readonly bridges;
  readonly playbacks;
  readonly recordings;
  readonly deviceStates;

  constructor(options: AriClientOptions) {
    this.app = options.app;
    this.request = createRequest(options);
    this.events = new AriEventStream({
      baseUrl: options.baseUrl,
      username: options.username,
      password: options.password,
      app: options.app,
      ...(options.subscribeAll !== undefined ? { subscribeAll: options.subscribeAll } : {}),
      ...(options.reconnect ? { reconnect: options.reconnect } : {}),
      ...(options.pingIntervalMs !== undefined ? { pingIntervalMs: options.pingIntervalMs } : {}),
      ...(options.random ? { random: options.random } : {}),
    });
    this.applications = applicationsApi(this.request);
    this.asterisk = asteriskApi(this.request);
    this.endpoints = endpointsApi(this.request);
    this.channels = channelsApi(this.request);
    this.bridges = bridgesApi(this.request);
    this.playbacks = playbacksApi(this.request);
    this.recordings = recordingsApi(this.request);
    this.deviceStates = deviceStatesApi(this.request);
  }

  /** Adds a listener for an ARI event type or a lifecycle event; returns an unsubscribe function. */
  on<K extends keyof AriEventMap>(event: K, listener: Listener<AriEventMap[K]>): () => void {
    return this.events.on(event, listener);
  }

  off<K extends keyof AriEventMap>(event: K, listener: Listener<AriEventMap[K]>): void {
    this.events.off(event, listener);
  }

  /** Opens the event socket; resolves on first connection and keeps reconnecting until `close()`. */
  connect(): Promise<void> {
    return this.events.connect();
  }

  /** Stops reconnecting and closes the event socket. In-flight REST calls are not aborted. */
  close(): Promise<void> {
    return this.events.close();
  }

  /** Closes the REST connection pool once nothing more will be sent (after `close()`). */
  closeConnections(): Promise<void> {
    return this.request.close();
  }
}
