/**
 * Database commands: `tsx scripts/db.ts migrate | seed | reset | create-migration <name>`.
 * Without DATABASE_URL they use the embedded PostgreSQL under .data/pg.
 */
import { embeddedPort } from "./lib/load-dotenv";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../server/database/local-database";
import { migrate, MIGRATIONS_DIR } from "../server/database/migrate";

const SNAPSHOT = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === "reset") {
    if (process.env.DATABASE_URL) throw new Error("reset only deletes the embedded database (.data/pg); unset DATABASE_URL.");
    rmSync(".data/pg", { recursive: true, force: true });
    console.log("Deleted .data/pg; the next start recreates, migrates and seeds it.");
    return;
  }
  const database = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, port: embeddedPort() });
  process.env.DATABASE_URL = database.url;
  try {
    if (command === "migrate") {
      const result = await migrate(database.url);
      console.log(`Applied ${result.applied.length} migration(s)${result.applied.length ? `: ${result.applied.join(", ")}` : ""}.`);
    } else if (command === "seed") {
      await migrate(database.url);
      const { seedDemoOnce } = await import("../prisma/seed");
      console.log(await seedDemoOnce());
    } else if (command === "create-migration") {
      createMigration(arg, database.url);
    } else {
      throw new Error("usage: tsx scripts/db.ts migrate | seed | reset | create-migration <name>");
    }
  } finally {
    await database.stop();
  }
}

/** Diffs prisma/schema.prisma against the schema of the last migration, offline. */
function createMigration(name: string | undefined, databaseUrl: string) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Name the migration in snake_case, e.g. add_extensions.");
  const from = existsSync(SNAPSHOT) ? ["--from-schema-datamodel", SNAPSHOT] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("The schema has not changed since the last migration; nothing written.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync("prisma/schema.prisma", SNAPSHOT);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
