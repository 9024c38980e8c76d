/**
 * Test CDRs in bulk: `npm run db:generate-cdrs -- --cdrs 2000000 --tenants 50
 * [--big-tenant-extensions 500] [--days 60] [--rollup rebuild|trigger] [--seed 13] [--force]`.
 * Without DATABASE_URL it uses the embedded PostgreSQL under .data/pg (migrated first).
 * See scripts/lib/cdr-generator.ts for what it makes and why it refuses a database with
 * customer companies of its own unless --force.
 */
import { embeddedPort } from "./lib/load-dotenv";
import { resolveDatabase } from "../server/database/local-database";
import { migrate } from "../server/database/migrate";
import { generateCdrs, type GenerateOptions } from "./lib/cdr-generator";

const USAGE = "usage: npm run db:generate-cdrs -- --cdrs N --tenants N [--big-tenant-extensions N] [--days N] [--rollup rebuild|trigger] [--seed N] [--force]";

function parseArgs(argv: string[]): GenerateOptions {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--force") force = true;
    else if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      values.set(name, value);
    } else throw new Error(`unexpected argument ${arg}\n${USAGE}`);
  }
  const known = new Set(["cdrs", "tenants", "big-tenant-extensions", "days", "rollup", "seed"]);
  for (const name of values.keys()) if (!known.has(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  const num = (name: string) => (values.has(name) ? Number(values.get(name)!.replaceAll("_", "")) : undefined);
  const rollup = values.get("rollup");
  if (rollup !== undefined && rollup !== "rebuild" && rollup !== "trigger") throw new Error(`--rollup must be rebuild or trigger\n${USAGE}`);
  if (!values.has("cdrs") || !values.has("tenants")) throw new Error(USAGE);
  return { cdrs: num("cdrs")!, tenants: num("tenants")!, bigTenantExtensions: num("big-tenant-extensions"), days: num("days"), seed: num("seed"), rollup, force };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const database = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, port: embeddedPort() });
  try {
    await migrate(database.url);
    const result = await generateCdrs(database.url, options);
    console.log(`Loaded ${result.rows.toLocaleString("en-GB")} CDRs in ${result.loadSeconds.toFixed(1)} s: ${Math.round(result.rowsPerSecond).toLocaleString("en-GB")} rows/s (rollup: ${result.rollup}).`);
    console.log(`Biggest company: ${result.tenants[0]!.name} (${result.tenants[0]!.id}), ${result.tenants[0]!.extensionIds.length} extensions.`);
  } finally {
    await database.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
