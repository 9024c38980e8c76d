/**
 * A per-process cache of session users, so that a signed-in request costs no database read.
 *
 * What keeps it right: triggers on "User", "Tenant" and "Partner" (migration
 * *_session_user_notify) send `NOTIFY session_user_changed` for every row written, inside the
 * writing transaction, so PostgreSQL delivers it when that transaction commits and no code path
 * can forget it. Each web process LISTENs and drops what the change touches.
 *
 * The guarantee: a suspension, password change, role change, deletion or rename takes effect in
 * a process as soon as that process has applied the notification, normally a millisecond or
 * two after the commit. A request that lands inside that window may still see the old row.
 *
 * - Nothing is served from the cache, or stored in it, unless LISTEN is up. Before it connects,
 *   after it drops and while it reconnects, every lookup reads the database; the cache is
 *   emptied on each loss and each (re)connect, since notifications sent meanwhile are gone. A
 *   heartbeat query finds a connection that died without closing.
 * - A read that races a change is not stored: every notification bumps a generation, and a read
 *   keeps its row only if the generation did not move while it ran. (A row read before a commit
 *   is always followed by that commit's notification.)
 * - Entries also expire after MAX_AGE_MS: a backstop for changes made with triggers disabled
 *   (a restore with session_replication_role = replica), not the mechanism.
 *
 * A sign-out is announced on the same channel, as a change of its user (revoked-sessions.ts),
 * and open event streams hear every change through onChange() (session-watch.ts): one LISTEN
 * connection per process serves all three.
 */
import pg from "pg";
import { z } from "zod";
import { readSessionUserRecord, toSessionUser, type SessionClaims, type SessionUser, type SessionUserRecord } from "./session-user";

export const SESSION_USER_CHANNEL = "session_user_changed";
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** What the trigger announces: the table and id of the row written; id null after TRUNCATE. */
const ZSessionUserChange = z.object({ table: z.enum(["User", "Tenant", "Partner"]), id: z.string().min(1).nullable() });
export type SessionUserChange = z.infer<typeof ZSessionUserChange>;

type Entry = { record: SessionUserRecord | null; storedAt: number };
type Waiter = { match: (change: SessionUserChange | null) => boolean; resolve: () => void };
/** Hears each change once the cache has applied it; null: anything may have changed. */
export type SessionUserChangeListener = (change: SessionUserChange | null) => void;
type CacheOptions = {
  connectionString: string;
  /** Reads one user; tests wrap it to hold a read open across a change. */
  read?: (userId: string) => Promise<SessionUserRecord | null>;
  log?: (message: string, err?: unknown) => void;
  heartbeatMs?: number;
  /** Reconnect delays: the first, doubling up to the cap. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

export class SessionUserCache {
  /** Lookups answered from memory, and reads that went to the database. */
  readonly stats = { hits: 0, reads: 0 };
  private readonly entries = new Map<string, Entry>();
  private readonly read: (userId: string) => Promise<SessionUserRecord | null>;
  private generation = 0;
  private waiters: Waiter[] = [];
  private readonly changeListeners = new Set<SessionUserChangeListener>();
  /** Set only while LISTEN is active on it. */
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private isClosed = false;

  constructor(private readonly options: CacheOptions) {
    this.read = options.read ?? readSessionUserRecord;
  }

  /** The session user for `userId` and that session (see toSessionUser), from memory when that is safe. */
  async lookup(userId: string, session?: SessionClaims): Promise<SessionUser | null> {
    const entry = this.client ? this.entries.get(userId) : undefined;
    if (entry && Date.now() - entry.storedAt < MAX_AGE_MS) {
      this.stats.hits++;
      return toSessionUser(entry.record, session);
    }
    void this.ensureListening();
    const generation = this.generation;
    this.stats.reads++;
    const record = await this.read(userId);
    // Connecting and losing the connection bump the generation too, so this also refuses a
    // row read while LISTEN was down.
    if (this.client && generation === this.generation) this.store(userId, record);
    return toSessionUser(record, session);
  }

  isListening(): boolean {
    return this.client !== null;
  }

  /** Resolves once LISTEN is active, or once this attempt has failed (a retry is scheduled). */
  ready(): Promise<void> {
    return this.ensureListening();
  }

  /**
   * Calls `listener` after every change this cache applies, with null when anything may have
   * changed: a TRUNCATE or unreadable notification, and every loss and (re)connection of
   * LISTEN, since changes made meanwhile were never heard. Returns the unsubscribe function.
   */
  onChange(listener: SessionUserChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Resolves when a notification for that row has been applied: what tests wait on. */
  changeApplied(table: SessionUserChange["table"], id: string): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ match: (c) => !c || (c.table === table && (c.id === id || c.id === null)), resolve }));
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.drop(client);
    await client?.end().catch(() => undefined);
  }

  private store(userId: string, record: SessionUserRecord | null) {
    this.entries.delete(userId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userId, { record, storedAt: Date.now() });
  }

  private apply(payload: string | undefined) {
    this.generation++;
    const change = parseChange(payload);
    if (!change) this.options.log?.(`emptying the cache after an unreadable notification: ${payload}`);
    if (!change || change.id === null) this.entries.clear();
    else if (change.table === "User") this.entries.delete(change.id);
    else {
      const key = change.table === "Tenant" ? "tenantId" : "partnerId";
      // A partner's customers' people read its locale too (their records hold it through the tenant).
      const isAffected = (record: SessionUserRecord | null) => record?.[key] === change.id || (change.table === "Partner" && record?.tenant?.partnerId === change.id);
      for (const [userId, { record }] of this.entries) if (isAffected(record)) this.entries.delete(userId);
    }
    const heard = this.waiters.filter((waiter) => waiter.match(change));
    this.waiters = this.waiters.filter((waiter) => !heard.includes(waiter));
    for (const waiter of heard) waiter.resolve();
    this.announce(change);
  }

  private forgetAll() {
    this.generation++;
    this.entries.clear();
    this.announce(null);
  }

  private announce(change: SessionUserChange | null) {
    for (const listener of this.changeListeners) {
      try {
        listener(change);
      } catch (err) {
        this.options.log?.("a session-user change listener failed", err); // the others still hear it
      }
    }
  }

  private ensureListening(): Promise<void> {
    if (this.client || this.isClosed || this.retryTimer) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: "centrex-web-session-users", query_timeout: 5_000 });
    // Without an 'error' listener a dropped connection would crash the web process.
    client.on("error", (err) => this.onLost(client, err));
    client.on("end", () => this.onLost(client));
    // Applying a change only ever forgets, so one from a client being set up or torn down is fine.
    client.on("notification", (msg) => msg.channel === SESSION_USER_CHANNEL && this.apply(msg.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_USER_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      return this.scheduleRetry(err);
    }
    if (this.isClosed) return void (await client.end().catch(() => undefined));
    this.attempt = 0;
    this.client = client; // set first, so listeners told of the reconnection see it listening
    this.forgetAll(); // whatever was sent while nobody listened is lost
    this.heartbeat = setInterval(() => void client.query("SELECT 1").catch((err) => this.onLost(client, err)), this.options.heartbeatMs ?? 10_000);
    this.heartbeat.unref();
  }

  private onLost(client: pg.Client, err?: unknown) {
    if (this.client !== client) return; // an old client, or one that never got to LISTEN
    this.drop(client);
    client.end().catch(() => undefined);
    this.scheduleRetry(err ?? new Error("connection ended"));
  }

  private drop(client: pg.Client | null) {
    if (this.client === client) this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.forgetAll();
  }

  /** Capped exponential backoff; lookups read the database meanwhile. */
  private scheduleRetry(err: unknown) {
    if (this.isClosed || this.retryTimer) return;
    const delay = Math.min(this.options.maxBackoffMs ?? 10_000, (this.options.minBackoffMs ?? 250) * 2 ** this.attempt++);
    this.options.log?.(`session-user LISTEN connection unavailable; every lookup reads the database; retrying in ${delay} ms`, err);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ensureListening();
    }, delay);
    this.retryTimer.unref();
  }
}

function parseChange(payload: string | undefined): SessionUserChange | null {
  try {
    return ZSessionUserChange.safeParse(JSON.parse(payload ?? "")).data ?? null;
  } catch {
    return null;
  }
}
