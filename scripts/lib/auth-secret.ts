import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "./child-processes";

export const AUTH_SECRET_FILE = path.join(REPO_ROOT, ".data/auth-secret");
const MIN_LENGTH = 32; // server/env.js refuses shorter secrets

/**
 * AUTH_SECRET for a local start: the environment's if set, else one generated on first start
 * and kept in .data/auth-secret (mode 600, gitignored) so sessions survive restarts.
 */
export async function resolveAuthSecret(fromEnv: string | undefined): Promise<{ secret: string; source: string }> {
  if (fromEnv) return { secret: fromEnv, source: "AUTH_SECRET" };
  const stored = (await readFile(AUTH_SECRET_FILE, "utf8").catch(() => "")).trim();
  if (stored.length >= MIN_LENGTH) return { secret: stored, source: path.relative(REPO_ROOT, AUTH_SECRET_FILE) };

  const secret = randomBytes(32).toString("base64url"); // 43 characters
  await mkdir(path.dirname(AUTH_SECRET_FILE), { recursive: true });
  await writeFile(AUTH_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  await chmod(AUTH_SECRET_FILE, 0o600); // `mode` is ignored when the file already existed
  return { secret, source: `${path.relative(REPO_ROOT, AUTH_SECRET_FILE)} (new)` };
}
