import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
const LOCK_KEY = 727_001; // any constant; one advisory lock per database for the runner

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name)).map((e) => e.name);
  names.sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies pending SQL migrations in name order, each in its own transaction, under an
 * advisory lock so concurrent starts (several web instances, the worker) apply each once.
 * Throws, changing nothing, when a migration that was already applied has been edited
 * or has disappeared: the database would no longer match the files.
 */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_migrations" (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_migrations"`);
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    assertHistoryIntact(migrations, applied);

    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_migrations" (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
      done.push(migration.name);
    }
    return { applied: done, alreadyApplied: applied.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export function assertHistoryIntact(migrations: Migration[], applied: Map<string, string>) {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const [name, checksum] of applied) {
    const file = byName.get(name);
    if (!file) throw new Error(`Migration ${name} is applied in the database but missing from ${MIGRATIONS_DIR}.`);
    if (file.checksum !== checksum) {
      throw new Error(`Migration ${name} was edited after it was applied (checksum mismatch). Add a new migration instead.`);
    }
  }
}
