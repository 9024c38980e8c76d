/**
 * LISTEN on PostgreSQL channels over one dedicated `pg` connection (Prisma's pool cannot
 * hold a session-level LISTEN). Reconnects with capped backoff; because NOTIFYs sent while
 * disconnected are lost, `onReconnect` lets the worker resync what they would have told it.
 */
import pg from "pg";
import { backoffDelayMs } from "./ari";
import type { Logger } from "./log";

export interface PgListenerOptions {
  connectionString: string;
  channels: readonly string[];
  onNotification: (channel: string, payload: string) => void;
  /** After every connection but the first. */
  onReconnect?: () => void;
  log: Logger;
  maxDelaySeconds?: number;
}

export class PgListener {
  #client: pg.Client | undefined;
  #isClosed = false;
  #failures = 0;
  #connections = 0;
  #timer: NodeJS.Timeout | undefined;
  #outbox: { channel: string; payload: string; resolve: (isSent: boolean) => void }[] = [];
  #isSending = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** Resolves after the first successful LISTEN; later failures reconnect in the background. */
  async start(): Promise<void> {
    await this.#connect();
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on("notification", (msg) => this.options.onNotification(msg.channel, msg.payload ?? ""));
    client.on("error", (err) => this.options.log.warn("LISTEN connection error", { err }));
    client.on("end", () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#scheduleReconnect();
    });
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    this.#client = client;
    this.#failures = 0;
    if (this.#connections++ > 0) this.options.onReconnect?.();
  }

  #scheduleReconnect(): void {
    if (this.#isClosed) return;
    const delay = backoffDelayMs(this.#failures++, { maxDelaySeconds: this.options.maxDelaySeconds ?? 30 });
    this.options.log.warn("LISTEN connection lost; reconnecting", { delayMs: delay });
    this.#timer = setTimeout(() => {
      this.#connect().catch((err: unknown) => {
        this.options.log.warn("LISTEN reconnect failed", { err });
        this.#scheduleReconnect();
      });
    }, delay);
  }

  /**
   * Sends a NOTIFY over this plain connection, which costs far less than a Prisma query on a
   * hot path (presence). pg allows one query at a time per client, so notices queue and go
   * out in batches (one statement per batch). Resolves false when disconnected, so the
   * caller can fall back to another route.
   */
  notify(channel: string, payload: string): Promise<boolean> {
    if (!this.#client) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      this.#outbox.push({ channel, payload, resolve });
      if (!this.#isSending) void this.#sendOutbox();
    });
  }

  async #sendOutbox(): Promise<void> {
    this.#isSending = true;
    while (this.#outbox.length > 0) {
      const batch = this.#outbox.splice(0, 100);
      const client = this.#client;
      const sql = `SELECT ${batch.map((_, i) => `pg_notify($${2 * i + 1}, $${2 * i + 2})`).join(", ")}`;
      const isSent = client ? await client.query(sql, batch.flatMap((n) => [n.channel, n.payload])).then(() => true, () => false) : false;
      for (const n of batch) n.resolve(isSent);
    }
    this.#isSending = false;
  }

  async close(): Promise<void> {
    this.#isClosed = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
