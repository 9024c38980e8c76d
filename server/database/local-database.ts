import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres";

export const DEFAULT_EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE = "centrex";

export type ResolvedDatabase = { url: string; isEmbedded: boolean; stop(): Promise<void> };

/**
 * The database a local command should use: `DATABASE_URL` when set, otherwise the embedded
 * PostgreSQL under `.data/pg` (started here, with its `centrex` database created on first use).
 */
export async function resolveDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, isEmbedded: false, stop: async () => {} };
  const dataDir = options.dataDir ?? ".data/pg";
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const server = await startEmbeddedPostgres({ dataDir, port }).catch((err: unknown) => {
    // embedded-postgres rejects with nothing when postgres exits early, typically because
    // another process already runs this data folder or holds the port.
    throw new Error(
      `The embedded PostgreSQL (${dataDir}, port ${port}) did not start${err ? `: ${String(err)}` : ""}. ` +
        "Is another `npm start` (or db command) running? Stop it, or set DATABASE_URL.",
      { cause: err },
    );
  });
  await ensureDatabase(server, EMBEDDED_DATABASE);
  return { url: server.urlFor(EMBEDDED_DATABASE), isEmbedded: true, stop: () => server.stop() };
}

export async function ensureDatabase(server: EmbeddedPostgresHandle, name: string, template?: string) {
  const client = new pg.Client({ connectionString: server.serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}
