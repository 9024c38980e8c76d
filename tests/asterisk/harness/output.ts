/**
 * Test support for the Asterisk lane: the lines a child process (or a log file) has written so
 * far, and waiting for one that matches. Positions are line indexes, so a test can take a
 * `mark()` before it acts and wait only for what comes after (pjsua reuses call ids, and the
 * worker logs "provisioning full sync done" on every connect).
 */
export type LineMatcher = RegExp | ((line: string) => boolean);

export interface WaitOptions {
  /** Only lines at or after this index (from `mark()`); default 0, everything so far. */
  since?: number;
  timeoutMs?: number;
}

const matches = (matcher: LineMatcher, line: string) => (typeof matcher === "function" ? matcher(line) : matcher.test(line));

/** An append-only list that can be waited on: what every lane recorder is built from. */
export class WaitableList<T> {
  readonly items: T[] = [];
  private waiters = new Set<() => void>();

  /** `tail` describes the latest items for a timeout message. */
  constructor(
    readonly name: string,
    private readonly tail: (items: T[]) => string,
  ) {}

  push(...items: T[]): void {
    this.items.push(...items);
    for (const wake of [...this.waiters]) wake();
  }

  mark(): number {
    return this.items.length;
  }

  /** Resolves with the first matching item at or after `since`; rejects after the timeout. */
  waitFor(predicate: (item: T) => boolean, options: WaitOptions & { what?: string } = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    let next = options.since ?? 0;
    return new Promise((resolve, reject) => {
      const check = () => {
        for (; next < this.items.length; next++) {
          const item = this.items[next] as T;
          if (!predicate(item)) continue;
          cleanup();
          return resolve(item);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.name}: nothing ${options.what ?? "matching"} within ${timeoutMs} ms. Latest:\n${this.tail(this.items)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

export class LineLog {
  private readonly list: WaitableList<string>;
  private partial = "";

  /** `onLine` sees every complete line as it arrives. */
  constructor(
    readonly name: string,
    private readonly onLine?: (line: string) => void,
  ) {
    this.list = new WaitableList(name, (lines) => lines.slice(-40).join("\n"));
  }

  get lines(): readonly string[] {
    return this.list.items;
  }

  /** Appends raw text; a trailing partial line waits for its newline. */
  write(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    if (parts.length === 0) return;
    if (this.onLine) for (const line of parts) this.onLine(line);
    this.list.push(...parts);
  }

  mark(): number {
    return this.list.mark();
  }

  text(since = 0): string {
    return this.lines.slice(since).join("\n");
  }

  find(matcher: LineMatcher, since = 0): string[] {
    return this.lines.slice(since).filter((line) => matches(matcher, line));
  }

  /** Resolves with the first matching line; rejects after the timeout with the log's tail. */
  waitFor(matcher: LineMatcher, options: WaitOptions = {}): Promise<string> {
    return this.list.waitFor((line) => matches(matcher, line), { ...options, what: `matching ${String(matcher)}` });
  }
}

/** Polls `probe` until it returns something other than undefined/false, or throws after the timeout. */
export async function pollUntil<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    await sleep(everyMs);
  }
  throw new Error(`${what}: not true within ${timeoutMs} ms${lastError ? ` (last error: ${String(lastError)})` : ""}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
