/**
 * Side-effect import for command-line scripts: loads `.env` from the repository root when it
 * exists, as Next.js does for the web process. Variables already set in the environment win.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./child-processes";

const file = path.join(REPO_ROOT, ".env");
if (existsSync(file)) process.loadEnvFile(file);

/** The embedded PostgreSQL's port from EMBEDDED_PG_PORT, or undefined for the default. */
export function embeddedPort(): number | undefined {
  const raw = process.env.EMBEDDED_PG_PORT;
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65_535) throw new Error(`EMBEDDED_PG_PORT must be a port from 1024 to 65535, got "${raw}".`);
  return port;
}
