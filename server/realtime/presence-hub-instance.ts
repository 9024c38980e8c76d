import { databaseEnv } from "../env-database";
import { PresenceHub } from "./presence-hub";

// One hub per process. Kept on globalThis because Next's dev server re-evaluates modules on
// change, and a second hub would hold a second LISTEN connection until the process exits.
const globalForHub = globalThis as unknown as { presenceHub?: PresenceHub };

/** The process-wide presence hub; it connects lazily, on the first subscriber. */
export function getPresenceHub(): PresenceHub {
  globalForHub.presenceHub ??= new PresenceHub({
    connectionString: databaseEnv().DATABASE_URL,
    log: (message, err) => console.warn(`[presence] ${message}`, err ?? ""),
  });
  return globalForHub.presenceHub;
}
