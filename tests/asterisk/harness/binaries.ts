/**
 * Test support for the Asterisk lane: where Asterisk and pjsua are. Neither is a project
 * dependency (nothing here builds or ships them), so the lane runs only when ASTERISK_BIN and
 * PJSUA_BIN name executables; scripts/test-asterisk.ts asks the same question before it starts
 * vitest.
 */
import { accessSync, constants, statSync } from "node:fs";

export type LaneBinaries = { ok: true; asterisk: string; pjsua: string } | { ok: false; reason: string };

function whyNotExecutable(name: string, value: string | undefined): string | null {
  if (!value) return `${name} is not set`;
  try {
    if (!statSync(value).isFile()) return `${name}=${value} is not a file`;
    accessSync(value, constants.X_OK);
    return null;
  } catch {
    return `${name}=${value} is not an executable file`;
  }
}

export function laneBinaries(env: NodeJS.ProcessEnv = process.env): LaneBinaries {
  const problems = [whyNotExecutable("ASTERISK_BIN", env.ASTERISK_BIN), whyNotExecutable("PJSUA_BIN", env.PJSUA_BIN)].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    return {
      ok: false,
      reason: `${problems.join("; ")}: set ASTERISK_BIN to an Asterisk 22 binary and PJSUA_BIN to pjsua, e.g. ASTERISK_BIN=/opt/asterisk22/sbin/asterisk PJSUA_BIN=/opt/pjsua/pjsua npm run test:asterisk`,
    };
  }
  return { ok: true, asterisk: env.ASTERISK_BIN as string, pjsua: env.PJSUA_BIN as string };
}
