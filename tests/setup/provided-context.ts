// Values the global setups hand to test files through vitest's provide/inject (they are
// serialised to the workers, so plain strings only).
declare module "vitest" {
  export interface ProvidedContext {
    /** Integration: URL of the run's PostgreSQL maintenance database. */
    pgServerUrl: string;
    /** Integration: the migrated database every test file copies. */
    templateDatabase: string;
    /** E2E: where the web server (scripts/web-server.ts) answers. */
    baseUrl: string;
    /** E2E: the seeded database the server uses. */
    databaseUrl: string;
    /** E2E: the worker's in-process ARI simulator (its /scenario API drives phones and calls). */
    simulatorUrl: string;
  }
}

export {};
