/**
 * Proves the integration harness itself: the template was migrated, this file has its own
 * database, and the migration runner keeps its two promises (refuses edited history, applies
 * each migration once under concurrency). If these fail, every other integration test lies.
 */
import { cp, mkdtemp, readdir, appendFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrations } from "../../server/database/migrate";
import { createTestDatabase, runOnServer } from "./test-database";

const serverUrl = inject("pgServerUrl");
const ownUrl = process.env.DATABASE_URL ?? "";
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "centrex-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("[HARNESS] integration database", () => {
  it("copies a template on which every migration was applied", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const applied = await runOnServer(ownUrl, (c) => c.query<{ name: string }>(`SELECT name FROM "_migrations" ORDER BY name`));
    expect(applied.rows.map((r) => r.name)).toEqual(files.map((m) => m.name));
    const tables = await runOnServer(ownUrl, (c) =>
      c.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`),
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["Partner", "Tenant", "User"]));
  });

  it("gives this file its own writable database, not the template", async () => {
    // A table of its own rather than an app table, so schema changes never break the harness.
    const { rows } = await runOnServer(ownUrl, async (c) => {
      await c.query(`CREATE TABLE harness_probe (id int PRIMARY KEY)`);
      await c.query(`INSERT INTO harness_probe VALUES (1)`);
      return c.query<{ db: string }>(`SELECT current_database() AS db`);
    });
    expect(rows[0]?.db).toMatch(/^t_[0-9a-f]{12}$/);
    expect(rows[0]?.db).not.toBe(inject("templateDatabase"));

    // The write stayed in this copy: a new copy of the template does not have it.
    const sibling = await createTestDatabase({ serverUrl, template: inject("templateDatabase"), prefix: "sibling" });
    const probe = await runOnServer(sibling.url, (c) => c.query(`SELECT to_regclass('harness_probe') AS t`));
    expect(probe.rows[0]?.t).toBeNull();
  });
});

describe("[HARNESS] migration runner", () => {
  it("refuses a migration edited after it was applied, changing nothing", async () => {
    const dir = await copyOfMigrations();
    const fresh = await createTestDatabase({ serverUrl, prefix: "edit" });
    await migrate(fresh.url, dir);

    const [first] = (await readdir(dir)).filter((name) => /^\d{14}_/.test(name)).sort();
    await appendFile(path.join(dir, first ?? "missing", "migration.sql"), "\n-- edited after release\n");

    await expect(migrate(fresh.url, dir)).rejects.toThrow(/edited after it was applied/);
    const { rows } = await runOnServer(fresh.url, (c) => c.query(`SELECT name FROM "_migrations"`));
    expect(rows).toHaveLength((await readMigrations()).length);
  });

  it("applies each migration exactly once when two runners start together", async () => {
    const fresh = await createTestDatabase({ serverUrl, prefix: "race" });
    const results = await Promise.all([migrate(fresh.url), migrate(fresh.url)]);

    const names = (await readMigrations()).map((m) => m.name);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    const { rows } = await runOnServer(fresh.url, (c) =>
      c.query<{ name: string; times: string }>(`SELECT name, count(*) AS times FROM "_migrations" GROUP BY name ORDER BY name`),
    );
    expect(rows.map((r) => [r.name, Number(r.times)])).toEqual(names.map((name) => [name, 1]));
  });
});
