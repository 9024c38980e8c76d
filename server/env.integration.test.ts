import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Loads server/env.js in a fresh Node process, as next.config.js does at start-up. */
async function loadEnv(env: Record<string, string>) {
  const script = `const { env } = await import(${JSON.stringify(new URL("./env.js", import.meta.url).href)}); console.log("ok hops=" + env.TRUST_PROXY_HOPS)`;
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

  describe("trusted proxies", () => {
    const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };

    it.each([
      [{}, 0],
      [{ TRUST_PROXY: "false" }, 0],
      [{ TRUST_PROXY: "true" }, 1],
      [{ TRUST_PROXY_HOPS: "2" }, 2],
      [{ TRUST_PROXY: "true", TRUST_PROXY_HOPS: "2" }, 2],
      [{ TRUST_PROXY: "false", TRUST_PROXY_HOPS: "0" }, 0],
    ])("%o trusts %i proxies", async (vars, hops) => {
      const result = await loadEnv({ ...valid, ...vars });
      expect(result).toMatchObject({ ok: true, output: expect.stringContaining(`ok hops=${hops}`) });
    });

    it.each([
      [{ TRUST_PROXY_HOPS: "two" }, /TRUST_PROXY_HOPS[\s\S]*whole number from 0 to 10/],
      [{ TRUST_PROXY_HOPS: "1.5" }, /TRUST_PROXY_HOPS[\s\S]*whole number/],
      [{ TRUST_PROXY_HOPS: "11" }, /TRUST_PROXY_HOPS[\s\S]*whole number from 0 to 10/],
      [{ TRUST_PROXY: "yes" }, /TRUST_PROXY[\s\S]*"true" or "false"/],
      [{ TRUST_PROXY: "false", TRUST_PROXY_HOPS: "2" }, /TRUST_PROXY=false contradicts TRUST_PROXY_HOPS=2/],
      [{ TRUST_PROXY: "true", TRUST_PROXY_HOPS: "0" }, /TRUST_PROXY=true contradicts TRUST_PROXY_HOPS=0/],
    ])("refuses %o with a message naming it", async (vars, message) => {
      const result = await loadEnv({ ...valid, ...vars });
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(message);
    });
  });
});
