/**
 * The ARI event WebSocket (`GET /events`): typed dispatch, ping keep-alive and reconnect with
 * capped, jittered backoff. It emits `connected` after every (re)connect so the worker can
 * resubscribe and resync provisioning, because Asterisk forgets nothing it needs but the worker
 * may have missed events while disconnected.
 */
import WebSocket from "ws";
import { backoffDelayMs, type BackoffOptions } from "./backoff";
import { ARI_EVENT_TYPES, type AriEventMap, type AriEventType } from "./events";
import { findAriOperation } from "./operations";
import { encodeQuery } from "./request";
import { TypedEmitter } from "./typed-emitter";

export interface AriEventStreamOptions {
  /** ARI base URL including `/ari`; http(s) becomes ws(s). */
  baseUrl: string;
  username: string;
  password: string;
  app: string;
  /** Receive events for all resources, not only those the app subscribed to. Default false. */
  subscribeAll?: boolean;
  reconnect?: BackoffOptions;
  /** Ping period; a socket that has not answered the previous ping is dropped. Default 20 s. */
  pingIntervalMs?: number;
  /** Injected for deterministic jitter in tests. */
  random?: () => number;
}

const KNOWN_TYPES = new Set<string>(ARI_EVENT_TYPES);

export class AriEventStream extends TypedEmitter<AriEventMap> {
  #socket: WebSocket | undefined;
  #isClosing = false;
  #failures = 0;
  #connections = 0;
  #retryTimer: NodeJS.Timeout | undefined;
  #pingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AriEventStreamOptions) {
    super((err, event) => this.emit("error", wrap(err, `listener for '${String(event)}' failed`)));
  }

  get isConnected(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** The events URL; credentials go in `api_key`, which Asterisk accepts on any ARI request. */
  get url(): string {
    const op = findAriOperation("GET", "/events");
    if (!op) throw new Error("ARI client bug: GET /events missing from ARI_OPERATIONS");
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, "")}/events`);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const search = encodeQuery(op, { app: this.options.app, subscribeAll: this.options.subscribeAll ?? false });
    search.set("api_key", `${this.options.username}:${this.options.password}`);
    url.search = search.toString();
    return url.toString();
  }

  /**
   * Starts the stream; resolves on the first successful connection. Failed attempts are
   * retried forever (reported as `error` events) until `close()`, which rejects a pending call.
   */
  connect(): Promise<void> {
    if (this.#socket || this.#retryTimer) throw new Error("AriEventStream.connect() called twice");
    this.#isClosing = false;
    return new Promise<void>((resolve, reject) => {
      const settle = (err?: Error) => {
        offConnected();
        offDisconnected();
        if (err) reject(err);
        else resolve();
      };
      const offConnected = this.on("connected", () => settle());
      const offDisconnected = this.on("disconnected", (info) => {
        if (!info.willReconnect) settle(new Error("AriEventStream closed before connecting"));
      });
      this.#open();
    });
  }

  /** Stops reconnecting and closes the socket; resolves once it is closed. */
  async close(): Promise<void> {
    this.#isClosing = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const socket = this.#socket;
    if (!socket) return this.emit("disconnected", { code: 1000, reason: "closed", willReconnect: false });
    if (socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    if (socket.readyState === WebSocket.OPEN) socket.close(1000, "client closing");
    else socket.terminate();
    await closed;
  }

  #open(): void {
    this.#retryTimer = undefined;
    const socket = new WebSocket(this.url, { handshakeTimeout: 10_000 });
    this.#socket = socket;
    let isAlive = true;
    socket.on("open", () => {
      this.#failures = 0;
      this.#connections += 1;
      this.#pingTimer = setInterval(() => {
        // No pong since the last ping: the TCP peer is gone without a FIN (NAT, host down).
        if (!isAlive) return socket.terminate();
        isAlive = false;
        socket.ping();
      }, this.options.pingIntervalMs ?? 20_000);
      this.emit("connected", { connectionCount: this.#connections });
    });
    socket.on("pong", () => (isAlive = true));
    socket.on("message", (data, isBinary) => {
      isAlive = true;
      if (!isBinary) this.#dispatch(data.toString());
    });
    socket.on("error", (err) => {
      if (!this.#isClosing) this.emit("error", err);
    });
    socket.on("close", (code, reason) => {
      const wasOpen = this.#pingTimer !== undefined;
      clearInterval(this.#pingTimer);
      this.#pingTimer = undefined;
      this.#socket = undefined;
      const willReconnect = !this.#isClosing;
      if (wasOpen || !willReconnect) this.emit("disconnected", { code, reason: reason.toString(), willReconnect });
      if (!willReconnect) return;
      const delay = backoffDelayMs(this.#failures++, this.options.reconnect, this.options.random);
      this.#retryTimer = setTimeout(() => this.#open(), delay);
    });
  }

  #dispatch(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (err) {
      return this.emit("error", wrap(err, "unparseable ARI event"));
    }
    if (typeof message !== "object" || message === null || typeof (message as { type?: unknown }).type !== "string") {
      return this.emit("error", new Error(`ARI event without a type: ${text.slice(0, 200)}`));
    }
    const event = message as AriEventMap["message"];
    this.emit("message", event);
    if (KNOWN_TYPES.has(event.type)) {
      const type = event.type as AriEventType;
      this.emit(type, event as AriEventMap[typeof type]);
    }
  }
}

const wrap = (err: unknown, message: string) => new Error(`${message}: ${String(err)}`, { cause: err });
