import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Loads server/env.js in a fresh Node process, as next.config.js does at start-up. */
async function loadEnv(env: Record<string, string>) {
  const script = `const { env } = await import(${JSON.stringify(new URL("./env.js", import.meta.url).href)}); console.log("ok hops=" + env.TRUST_PROXY_HOPS + " sip=" + JSON.stringify([env.SIP_DOMAIN ?? null, env.SIP_PORT, env.SIP_TLS_PORT, env.SIP_TRANSPORTS]))`;
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

  describe("SIP settings", () => {
    const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };
    const REAL_ASTERISK = { NODE_ENV: "production", ARI_URL: "http://asterisk:8088/ari" };

    it("refuses to start in production with a real Asterisk and no SIP_DOMAIN, saying what to set", async () => {
      const result = await loadEnv({ ...valid, ...REAL_ASTERISK });
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/SIP_DOMAIN[\s\S]*must be set in production when ARI_URL is[\s\S]*sip\.example\.com/);
    });

    it.each([
      ["production with a real Asterisk and SIP_DOMAIN", { ...REAL_ASTERISK, SIP_DOMAIN: "sip.example.com" }, '["sip.example.com",5060,5061,["udp"]]'],
      ["the demo in production (simulator, no SIP_DOMAIN)", { NODE_ENV: "production" }, "[null,5060,5061,[\"udp\"]]"],
      ["a list of transports, in any case and spacing", { SIP_TRANSPORTS: "UDP, tcp ,tls", SIP_PORT: "5070", SIP_TLS_PORT: "5071" }, '[null,5070,5071,["udp","tcp","tls"]]'],
    ])("starts for %s", async (_name, vars, sip) => {
      const result = await loadEnv({ ...valid, ...vars });
      expect(result).toMatchObject({ ok: true, output: expect.stringContaining(`sip=${sip}`) });
    });

    it.each([
      [{ SIP_TRANSPORTS: "udp,sctp" }, /SIP_TRANSPORTS[\s\S]*comma-separated list of udp, tcp and tls/],
      [{ SIP_TRANSPORTS: "udp,tcp,udp" }, /SIP_TRANSPORTS[\s\S]*names a transport twice/],
      [{ SIP_TRANSPORTS: "tcp,udp" }, /SIP_TRANSPORTS[\s\S]*must start with udp/],
      [{ SIP_PORT: "0" }, /SIP_PORT[\s\S]*whole number from 1 to 65535/],
      [{ SIP_TLS_PORT: "65536" }, /SIP_TLS_PORT[\s\S]*whole number from 1 to 65535/],
      [{ SIP_TRANSPORTS: "udp,tls", SIP_TLS_PORT: "5060" }, /SIP_TLS_PORT[\s\S]*must differ from SIP_PORT \(5060\)/],
      [{ SIP_DOMAIN: "sip.example.com:5060" }, /SIP_DOMAIN[\s\S]*host name/],
    ])("refuses %o with a message naming it", async (vars, message) => {
      const result = await loadEnv({ ...valid, ...vars });
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(message);
    });
  });
});
