/**
 * One PostgreSQL LISTEN connection per web process, fanned out to in-process subscribers by
 * tenant. Browsers never cost a database connection each: 1,000 open pages share this one.
 *
 * The worker announces every presence change with `NOTIFY presence, '<json>'`. NOTIFY is not
 * a queue: while this connection is down, notifications are lost. So after every reconnect
 * subscribers get a "resync" signal and clients reload the full picture (presence.find).
 */
import pg from "pg";
import { z } from "zod";
import { CALLBACK_CHANGED } from "../modules/callbacks/contract";
import { ZCallbackNotice, type CallbackSignal } from "./callback-events";

export const PRESENCE_CHANNEL = "presence";

export const ZPresenceNotification = z.object({
  tenantId: z.string().min(1),
  kind: z.enum(["registration", "call", "dnd", "queue", "callEnded"]),
  sipAccountId: z.string().min(1).optional(),
  extensionId: z.string().min(1).optional(),
  queueId: z.string().min(1).optional(),
  /** callEnded: the extensions that took part in the calls just recorded. */
  extensionIds: z.array(z.string().min(1)).max(500).optional(),
});
export type PresenceNotification = z.infer<typeof ZPresenceNotification>;
export type PresenceSignal = PresenceNotification | CallbackSignal | { kind: "resync" };
export type PresenceListener = (signal: PresenceSignal) => void;

type HubOptions = { connectionString: string; log?: (message: string, err?: unknown) => void; maxBackoffMs?: number };

export class PresenceHub {
  private readonly listeners = new Map<string, Set<PresenceListener>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private attempt = 0;
  private isClosed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: HubOptions) {}

  /** Starts listening on first use. Returns the unsubscribe function. */
  subscribe(tenantId: string, listener: PresenceListener): () => void {
    let set = this.listeners.get(tenantId);
    if (!set) this.listeners.set(tenantId, (set = new Set()));
    set.add(listener);
    void this.ensureConnected();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(tenantId);
    };
  }

  /** Resolves once LISTEN is active (tests wait on this before sending NOTIFY). */
  ready(): Promise<void> {
    return this.ensureConnected();
  }

  subscriberCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.isClosed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: "centrex-web-presence" });
    // Without an 'error' listener a dropped connection would crash the web process.
    client.on("error", (err) => this.onLost(client, err));
    client.on("end", () => this.onLost(client));
    client.on("notification", (msg) => {
      if (msg.channel === PRESENCE_CHANNEL) this.dispatch(msg.payload);
      // Callback progress (issue 14) rides the same connection: one LISTEN per web process.
      else if (msg.channel === CALLBACK_CHANGED) this.dispatchCallback(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      await client.query(`LISTEN ${CALLBACK_CHANGED}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      this.scheduleRetry(err);
      return;
    }
    const isReconnect = this.attempt > 0;
    this.attempt = 0;
    this.client = client;
    if (isReconnect) this.broadcast({ kind: "resync" });
  }

  private onLost(client: pg.Client, err?: unknown) {
    if (this.client !== client) return; // an old or never-established client
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleRetry(err ?? new Error("connection ended"));
  }

  /** Capped exponential backoff; retries only while someone still listens. */
  private scheduleRetry(err: unknown) {
    if (this.isClosed || this.retryTimer) return;
    const delay = Math.min(this.options.maxBackoffMs ?? 10_000, 250 * 2 ** this.attempt++);
    this.options.log?.(`presence LISTEN connection lost; retrying in ${delay} ms`, err);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.listeners.size > 0) void this.ensureConnected();
      else this.attempt = Math.max(this.attempt, 1); // next subscriber reconnects and resyncs
    }, delay);
    this.retryTimer.unref();
  }

  private dispatch(payload: string | undefined) {
    let unverified: unknown;
    try {
      unverified = JSON.parse(payload ?? "");
    } catch {
      return this.options.log?.(`ignoring a presence notification that is not JSON: ${payload}`);
    }
    const parsed = ZPresenceNotification.safeParse(unverified);
    if (!parsed.success) return this.options.log?.(`ignoring a malformed presence notification: ${payload}`);
    for (const listener of this.listeners.get(parsed.data.tenantId) ?? []) safeCall(listener, parsed.data);
  }

  private dispatchCallback(payload: string | undefined) {
    let unverified: unknown;
    try {
      unverified = JSON.parse(payload ?? "");
    } catch {
      return this.options.log?.(`ignoring a callback notification that is not JSON: ${payload}`);
    }
    const parsed = ZCallbackNotice.safeParse(unverified);
    if (!parsed.success) return this.options.log?.(`ignoring a malformed callback notification: ${payload}`);
    const signal: CallbackSignal = { kind: "callback", ...parsed.data };
    for (const listener of this.listeners.get(parsed.data.tenantId) ?? []) safeCall(listener, signal);
  }

  private broadcast(signal: PresenceSignal) {
    for (const set of this.listeners.values()) for (const listener of set) safeCall(listener, signal);
  }
}

function safeCall(listener: PresenceListener, signal: PresenceSignal) {
  try {
    listener(signal);
  } catch {
    // One broken stream must not stop the others from hearing about the change.
  }
}
