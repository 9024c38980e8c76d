import { randomBytes } from "node:crypto";
import pg from "pg";

/** `serverUrl` with its database swapped for `database`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/**
 * Creates a uniquely named database on the server behind `serverUrl`, empty or copied from
 * `template`. CREATE DATABASE ... TEMPLATE is a file-level copy: milliseconds, against the
 * seconds it takes to run every migration again.
 */
export async function createTestDatabase(options: { serverUrl: string; template?: string; prefix?: string }) {
  const name = `${options.prefix ?? "t"}_${randomBytes(6).toString("hex")}`;
  await runOnServer(options.serverUrl, async (client) => {
    const from = options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : "";
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
  });
  return { name, url: databaseUrl(options.serverUrl, name) };
}

export async function runOnServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
