/**
 * After an e2e run: no password the tests typed may appear in what the web server or the
 * worker logged. The passwords are read from the test sources themselves (every string of
 * eight or more characters on a line that mentions a password) and the demo seed, so a new
 * test's password is covered without a list to keep.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_PASSWORD } from "../../prisma/demo-logins";

/** String literals on lines that mention a password: what the tests type into password fields. */
export function passwordsInSource(source: string): string[] {
  return source.split("\n").flatMap((line) => (/password/i.test(line) ? [...line.matchAll(/"([^"\s]{8,})"/g)].map((m) => m[1]!) : []));
}

/** Which of `secrets` each log holds, as "log: secret" lines; empty when none. */
export function secretsInLogs(logs: Record<string, string>, secrets: Iterable<string>): string[] {
  const found: string[] = [];
  for (const secret of secrets) for (const [name, text] of Object.entries(logs)) if (text.includes(secret)) found.push(`${name}: ${secret}`);
  return found;
}

export async function e2ePasswords(e2eDir: string): Promise<Set<string>> {
  const files = (await readdir(e2eDir, { recursive: true })).filter((f) => f.endsWith(".ts"));
  const sources = await Promise.all(files.map((f) => readFile(path.join(e2eDir, f), "utf8")));
  // Labels and test names mention passwords too ("Admin password"); only password-shaped strings count.
  const shaped = sources.flatMap(passwordsInSource).filter((s) => /\d/.test(s) && /[A-Za-z]/.test(s));
  return new Set([DEMO_PASSWORD, ...shaped]);
}

/** Throws, naming the log and the password, when the run logged one. */
export async function assertNoPasswordsLogged(e2eDir: string, logFiles: string[]): Promise<void> {
  const logs = Object.fromEntries(await Promise.all(logFiles.map(async (f) => [path.basename(f), await readFile(f, "utf8").catch(() => "")] as const)));
  const found = secretsInLogs(logs, await e2ePasswords(e2eDir));
  if (found.length > 0) throw new Error(`Passwords reached the logs of this e2e run:\n${found.join("\n")}`);
}

/**
 * A browser leaving a live page closes its event stream: normal, never an error in the log.
 * Next logs "The destination stream errored while writing data" when a stream goes on writing
 * to a closed response; every e2e file closes pages with open streams, so one such line fails.
 */
export async function assertNoDisconnectErrors(webLogFile: string): Promise<void> {
  const text = await readFile(webLogFile, "utf8").catch(() => "");
  const lines = text.split("\n").filter((line) => /destination stream (errored|closed)/i.test(line));
  if (lines.length > 0) throw new Error(`A client leaving a stream was logged as an error:\n${lines.slice(0, 3).join("\n")}`);
}
