/**
 * Runs the monthly recurring charges once: `tsx scripts/run-recurring-charges.ts [ISO date]`.
 * Safe to run from cron on several hosts, or twice: each account is charged once per month.
 * Without DATABASE_URL it uses the embedded PostgreSQL under .data/pg.
 */
import { embeddedPort } from "./lib/load-dotenv";
import { resolveDatabase } from "../server/database/local-database";

async function main() {
  const at = process.argv[2] ? new Date(process.argv[2]) : new Date();
  if (Number.isNaN(at.getTime())) throw new Error("usage: tsx scripts/run-recurring-charges.ts [ISO date, e.g. 2026-12-01]");
  const database = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, port: embeddedPort() });
  process.env.DATABASE_URL = database.url;
  try {
    // Imported after DATABASE_URL is set: the Prisma client reads it on first import.
    const { runRecurringCharges } = await import("../server/modules/billing/system/recurring-charges");
    const { disconnectDatabase } = await import("../server/db");
    const result = await runRecurringCharges(at);
    console.log(`Recurring charges for ${result.period}: ${result.charged} account(s) charged.`);
    await disconnectDatabase();
  } finally {
    await database.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
