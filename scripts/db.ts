/**
 * Database commands: `tsx scripts/db.ts migrate | seed | reset | create-migration <name> | asterisk-role`.
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
    } else if (command === "asterisk-role") {
      await migrate(database.url); // the view must exist
      await grantAsteriskRole(database.url);
    } else {
      throw new Error("usage: tsx scripts/db.ts migrate | seed | reset | create-migration <name> | asterisk-role");
    }
  } finally {
    await database.stop();
  }
}

/**
 * Creates (or updates) the role Asterisk reads voicemail mailboxes with (asterisk/res_pgsql.conf):
 * it may log in and read the view asterisk_voicemail, nothing else. Idempotent; migrates
 * first, since the view comes with a migration. Name and password from ASTERISK_DB_USER (default centrex_asterisk) and
 * ASTERISK_DB_PASSWORD (16+ characters).
 */
async function grantAsteriskRole(databaseUrl: string) {
  const user = process.env.ASTERISK_DB_USER || "centrex_asterisk";
  const password = process.env.ASTERISK_DB_PASSWORD ?? "";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(user)) throw new Error("ASTERISK_DB_USER must be a lower-case SQL name, e.g. centrex_asterisk.");
  if (password.length < 16) throw new Error("Set ASTERISK_DB_PASSWORD (16+ characters) for the role Asterisk reads voicemail with.");
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // DDL takes no bind parameters: the name is checked above, the password quoted by pg.
    const role = client.escapeIdentifier(user);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [user]);
    await client.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    const dbName = client.escapeIdentifier(new URL(databaseUrl).pathname.slice(1) || "postgres");
    await client.query(`GRANT CONNECT ON DATABASE ${dbName} TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT ON asterisk_voicemail TO ${role}`);
    console.log(`Role ${user}: may log in and read asterisk_voicemail.`);
  } finally {
    await client.end();
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
