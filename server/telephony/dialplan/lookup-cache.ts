/**
 * Database lookups the worker repeats on every call (which tenant and extension a SIP account
 * is, which tenant a DID is, which tariff rates a tenant's calls), cached by key until a
 * NOTIFY says the data changed. Each value names its owners (tenant id, SIP account id);
 * a value with no owner is a miss (an unknown account or number).
 *
 * `forget(id)` drops every value owned by `id` and every miss, because the change may be the
 * one that makes an unknown key known (a new extension on an account, a new DID). `clear()`
 * drops everything: the LISTEN connection reconnected, and NOTIFYs sent meanwhile are lost.
 * Entries also expire after `maxAgeMs`, a safety net for a writer that forgot to NOTIFY, and
 * the oldest are evicted beyond `maxEntries`, so numbers nobody owns (a scanner dialling
 * random DIDs) cannot grow the heap.
 */
interface Entry<V> {
  value: V;
  owners: readonly string[];
  loadedAt: number;
}

const MISS = "";

export interface LookupCacheOptions {
  maxAgeMs: number;
  maxEntries?: number;
  now?: () => number;
}

export class LookupCache<V> {
  #entries = new Map<string, Entry<V>>();
  /** Owner id (or MISS) -> keys of the entries it owns. */
  #byOwner = new Map<string, Set<string>>();
  #loading = new Map<string, Promise<V>>();
  /** Bumped on every invalidation: a load that started before one is not stored. */
  #epoch = 0;
  /** Loads run, i.e. misses of the cache itself (tests read it to prove hits). */
  loads = 0;

  constructor(
    private readonly load: (key: string) => Promise<V>,
    private readonly ownersOf: (value: V) => readonly string[],
    private readonly options: LookupCacheOptions,
  ) {}

  /** The cached value, else one load shared by concurrent callers. Rejects when loading fails (nothing is cached). */
  get(key: string): Promise<V> {
    const now = this.options.now?.() ?? Date.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.loadedAt < this.options.maxAgeMs) return Promise.resolve(hit.value);
    const pending = this.#loading.get(key);
    if (pending) return pending;
    const epoch = this.#epoch;
    this.loads++;
    const loading = this.load(key)
      .then((value) => {
        if (epoch === this.#epoch) this.#store(key, value, now);
        return value;
      })
      .finally(() => {
        if (this.#loading.get(key) === loading) this.#loading.delete(key);
      });
    this.#loading.set(key, loading);
    return loading;
  }

  /** The cached value without loading (undefined when absent or expired). */
  peek(key: string): V | undefined {
    const hit = this.#entries.get(key);
    const now = this.options.now?.() ?? Date.now();
    return hit && now - hit.loadedAt < this.options.maxAgeMs ? hit.value : undefined;
  }

  /** Drops the values `ownerId` owns and every miss; loads in flight are not stored. */
  forget(ownerId: string): void {
    this.#invalidate();
    for (const owner of [ownerId, MISS]) for (const key of [...(this.#byOwner.get(owner) ?? [])]) this.#delete(key);
  }

  clear(): void {
    this.#invalidate();
    this.#entries.clear();
    this.#byOwner.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #invalidate(): void {
    this.#epoch++;
    this.#loading.clear();
  }

  #store(key: string, value: V, now: number): void {
    this.#delete(key);
    const owners = this.ownersOf(value);
    const entry = { value, owners: owners.length > 0 ? owners : [MISS], loadedAt: now };
    this.#entries.set(key, entry);
    for (const owner of entry.owners) {
      const keys = this.#byOwner.get(owner) ?? new Set<string>();
      keys.add(key);
      this.#byOwner.set(owner, keys);
    }
    // Maps iterate in insertion order, and #delete + set re-inserts: the first key is the oldest.
    const max = this.options.maxEntries ?? 100_000;
    while (this.#entries.size > max) this.#delete(this.#entries.keys().next().value as string);
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    for (const owner of entry.owners) {
      const keys = this.#byOwner.get(owner);
      keys?.delete(key);
      if (keys?.size === 0) this.#byOwner.delete(owner);
    }
  }
}
