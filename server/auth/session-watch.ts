/**
 * Ends what outlives a request, the /api/events stream, once the session it was opened with
 * ends: sign-out, suspension of the company, removal of the user, a password change, a change
 * of role or company, or the token's own expiry. A request is judged once; a stream is judged
 * again whenever something it depends on may have changed.
 *
 * It has no database connection of its own: it hears the session-user cache's LISTEN
 * (onChange). Each change marks the watched users it touches (a User by id; a Tenant or Partner
 * by the users watched under it), and the marked users are read again, in one query, and judged
 * by the rules every request uses (toSessionUser). A change that commits while that read runs
 * marks them again, so the last word is always read after the last commit.
 *
 * Missed changes: when the cache's LISTEN connection is lost or comes back, every watched
 * session is read again; while it is down, every POLL_WHILE_DOWN_MS; and in any case every
 * BACKSTOP_MS, for writes made with triggers disabled (as the cache's entries expire).
 * A read that fails ends the sessions it was for: a stream that cannot be checked is closed,
 * and the browser's reconnection is judged afresh.
 */
import type { SessionUserCache, SessionUserChange } from "./session-user-cache";
import { readSessionUserRecords, toSessionUser, type SessionUser, type SessionUserRecord } from "./session-user";
import type { SessionToken } from "./session-token";

const POLL_WHILE_DOWN_MS = 2_000;
const BACKSTOP_MS = 60_000;
// setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days; sessions may last 30).
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A signed-in request's session, for a response that stays open (see SessionWatch.live). */
export type LiveSession = {
  user: SessionUser;
  /** Calls `onEnd` once, when the session ends. Returns the function that stops watching. */
  watch: (onEnd: () => void) => () => void;
};

type Watcher = { token: SessionToken; user: SessionUser; onEnd: () => void; expiry?: NodeJS.Timeout };
type WatchOptions = {
  /** Reads users by id; tests wrap it to make a read fail. */
  readMany?: (userIds: readonly string[]) => Promise<Map<string, SessionUserRecord>>;
  pollWhileDownMs?: number;
  backstopMs?: number;
  log?: (message: string, err?: unknown) => void;
};

export class SessionWatch {
  private readonly byUser = new Map<string, Set<Watcher>>();
  private readonly pending = new Set<string>();
  private readonly readMany: NonNullable<WatchOptions["readMany"]>;
  private readonly stopHearing: () => void;
  private flushing: Promise<void> | null = null;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly cache: SessionUserCache,
    private readonly options: WatchOptions = {},
  ) {
    this.readMany = options.readMany ?? readSessionUserRecords;
    this.stopHearing = cache.onChange((change) => this.onChange(change));
  }

  /** The session `token` opened for `user`, as something a stream can watch. */
  live(token: SessionToken, user: SessionUser): LiveSession {
    return { user, watch: (onEnd) => this.watch(token, user, onEnd) };
  }

  /** How many sessions are watched now: what tests check for leaks. */
  watchedCount(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  /** Resolves once no re-check is under way: what tests wait on before saying "still open". */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Stops hearing changes and drops every watcher without ending it. */
  close(): void {
    this.stopHearing();
    if (this.poll) clearTimeout(this.poll);
    this.poll = null;
    for (const set of this.byUser.values()) for (const watcher of set) clearTimeout(watcher.expiry);
    this.byUser.clear();
  }

  private watch(token: SessionToken, user: SessionUser, onEnd: () => void): () => void {
    const watcher: Watcher = { token, user, onEnd };
    let set = this.byUser.get(user.id);
    if (!set) this.byUser.set(user.id, (set = new Set()));
    set.add(watcher);
    this.armExpiry(watcher);
    void this.cache.ready(); // the cache connects on its first lookup; make sure it has
    this.schedulePoll();
    // The user was read before this watcher existed, and a change heard in between would be
    // lost: read once more now.
    this.mark([user.id]);
    return () => this.remove(watcher);
  }

  private armExpiry(watcher: Watcher) {
    const left = watcher.token.expiresAt.getTime() - Date.now();
    watcher.expiry = setTimeout(() => (left > MAX_TIMER_MS ? this.armExpiry(watcher) : this.end(watcher)), Math.min(Math.max(0, left), MAX_TIMER_MS));
    watcher.expiry.unref();
  }

  private onChange(change: SessionUserChange | null) {
    if (this.byUser.size === 0) return;
    if (!change || change.id === null) {
      this.mark([...this.byUser.keys()]);
      if (!change) this.schedulePoll(true); // LISTEN lost or back: poll at the rate that suits
      return;
    }
    if (change.table === "User") return this.byUser.has(change.id) ? this.mark([change.id]) : undefined;
    const key = change.table === "Tenant" ? "tenantId" : "partnerId";
    const touched = [...this.byUser].filter(([, set]) => [...set].some((w) => w.user[key] === change.id)).map(([userId]) => userId);
    if (touched.length > 0) this.mark(touched);
  }

  private mark(userIds: readonly string[]) {
    for (const id of userIds) this.pending.add(id);
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
      if (this.pending.size > 0) this.mark([]); // marked after the last loop's check
    });
  }

  private async flush(): Promise<void> {
    // One commit can send several notifications (a tenant, then its users): read them together.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      const ids = [...this.pending].filter((id) => this.byUser.has(id));
      this.pending.clear();
      if (ids.length === 0) continue;
      let records: Map<string, SessionUserRecord>;
      try {
        records = await this.readMany(ids);
      } catch (err) {
        this.options.log?.(`could not re-check ${ids.length} open session(s); ending them`, err);
        for (const id of ids) for (const watcher of [...(this.byUser.get(id) ?? [])]) this.end(watcher);
        continue;
      }
      for (const id of ids) {
        for (const watcher of [...(this.byUser.get(id) ?? [])]) if (!isStillValid(watcher, records.get(id) ?? null)) this.end(watcher);
      }
    }
  }

  private schedulePoll(isRestart = false) {
    if (isRestart && this.poll) {
      clearTimeout(this.poll);
      this.poll = null;
    }
    if (this.poll || this.byUser.size === 0) return;
    const delay = this.cache.isListening() ? (this.options.backstopMs ?? BACKSTOP_MS) : (this.options.pollWhileDownMs ?? POLL_WHILE_DOWN_MS);
    this.poll = setTimeout(() => {
      this.poll = null;
      this.mark([...this.byUser.keys()]);
      this.schedulePoll();
    }, delay);
    this.poll.unref();
  }

  private end(watcher: Watcher) {
    if (!this.remove(watcher)) return; // ended or stopped already
    try {
      watcher.onEnd();
    } catch (err) {
      this.options.log?.("ending an open session's stream failed", err);
    }
  }

  private remove(watcher: Watcher): boolean {
    const set = this.byUser.get(watcher.user.id);
    if (!set?.delete(watcher)) return false;
    clearTimeout(watcher.expiry);
    if (set.size === 0) this.byUser.delete(watcher.user.id);
    if (this.byUser.size === 0 && this.poll) {
      clearTimeout(this.poll);
      this.poll = null;
    }
    return true;
  }
}

/**
 * Whether a stream may go on: the session still passes the request rules, it has not expired,
 * and the user keeps the role and company the stream was opened for (what it may see was
 * decided then).
 */
function isStillValid(watcher: Watcher, record: SessionUserRecord | null): boolean {
  if (Date.now() >= watcher.token.expiresAt.getTime()) return false;
  const user = toSessionUser(record, watcher.token);
  return !!user && user.role === watcher.user.role && user.tenantId === watcher.user.tenantId;
}
