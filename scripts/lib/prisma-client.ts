import { existsSync } from "node:fs";
import path from "node:path";
import { bin, REPO_ROOT, runCommand } from "./child-processes";

const CLIENT_ENTRY = path.join(REPO_ROOT, "server/generated/prisma/client.ts");
// `prisma generate` never connects, but prisma.config.ts and the schema's `url = env(...)`
// need a PostgreSQL-shaped value to be present.
const PLACEHOLDER_URL = "postgresql://localhost:5432/generate-only";

export const hasPrismaClient = () => existsSync(CLIENT_ENTRY);

/**
 * Generates the Prisma client (gitignored, so missing on a fresh clone) when it is not there.
 * Returns the exit code of `prisma generate`, or 0 when nothing had to be done.
 */
export async function ensurePrismaClient(options: { databaseUrl?: string; quiet?: boolean } = {}): Promise<number> {
  if (hasPrismaClient()) return 0;
  if (!options.quiet) console.log("Generating the Prisma client (server/generated/prisma)…");
  return runCommand(bin("prisma"), ["generate"], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl ?? process.env.DATABASE_URL ?? PLACEHOLDER_URL },
    stdio: options.quiet ? "ignore" : "inherit",
  });
}
