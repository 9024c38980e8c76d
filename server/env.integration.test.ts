import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Loads server/env.js in a fresh Node process, as next.config.js does at start-up. */
async function loadEnv(env: Record<string, string>) {
  const script = `await import(${JSON.stringify(new URL("./env.js", import.meta.url).href)}); console.log("ok")`;
  return run(process.execPath, ["--input-type=module", "-e", script], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env } }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (err: { stderr: string; stdout: string }) => ({ ok: false, output: `${err.stdout}\n${err.stderr}` }),
  );
}

describe("[ENV] start-up validation", () => {
  it("names each missing or malformed variable", async () => {
    const result = await loadEnv({ DATABASE_URL: "mysql://nope", AUTH_SECRET: "short", SESSION_MAX_AGE_HOURS: "zero" });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/DATABASE_URL/);
    expect(result.output).toMatch(/AUTH_SECRET/);
    expect(result.output).toMatch(/SESSION_MAX_AGE_HOURS/);
  });

  it("accepts a valid environment", async () => {
    const result = await loadEnv({ DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) });
    expect(result).toMatchObject({ ok: true });
  });
});
