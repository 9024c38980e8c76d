/**
 * asterisk/render-config.sh on its own (RENDER_ONLY=1): every placeholder the shipped files use
 * is filled, TLS is dropped with a warning when the keys are missing and kept when they exist,
 * the carrier placeholder warns, and identify gets TRUNK_HOST without its port.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createRunDir, removeRunDir } from "../setup/test-data-dir";
import { describeLane } from "./harness/describe-lane";
import { runRenderScript, SHIPPED_CONFIG_DIR } from "./harness/render";

const ARI = { ARI_USERNAME: "lane", ARI_PASSWORD: "a-long-enough-password" };
let runDir: Promise<string> | null = null;
afterAll(async () => runDir && removeRunDir(await runDir));
const tempDir = async (prefix: string) => mkdtemp(path.join(await (runDir ??= createRunDir("render")), prefix));

async function render(env: Record<string, string> = {}) {
  const dest = await tempDir("etc-");
  const result = await runRenderScript({ CONFIG_SRC: SHIPPED_CONFIG_DIR, CONFIG_DEST: dest, ...ARI, ...env });
  const read = (name: string) => readFile(path.join(dest, name), "utf8");
  return { ...result, dest, read };
}

describeLane("[ASTERISK] render-config.sh", () => {
  it("[ASTERISK] fills every @NAME@ placeholder of the shipped files with the defaults", async () => {
    const { code, dest, read } = await render();
    expect(code).toBe(0);
    const shipped = (await readdir(SHIPPED_CONFIG_DIR)).filter((f) => f.endsWith(".conf"));
    expect((await readdir(dest)).sort()).toEqual(shipped.sort());
    for (const file of shipped) expect({ file, left: (await read(file)).match(/@[A-Z][A-Z0-9_]*@/g) }).toEqual({ file, left: null });
    const pjsip = await read("pjsip.conf");
    expect(pjsip).toMatch(/^bind = 0\.0\.0\.0:5060$/m);
    expect(pjsip).toMatch(/^contact = sip:sip\.carrier\.example$/m);
    expect(pjsip).toMatch(/^match = sip\.carrier\.example$/m);
    expect(await read("http.conf")).toMatch(/^bindaddr = 0\.0\.0\.0\nbindport = 8088$/m);
    expect(await read("rtp.conf")).toMatch(/^rtpstart = 10000\nrtpend = 10199$/m);
  });

  it("[ASTERISK] without keys drops transport-tls and warns; with keys keeps it", async () => {
    const without = await render({ TRUNK_HOST: "192.0.2.10" });
    expect(without.stderr).toEqual([expect.stringMatching(/no TLS certificate at .*asterisk\.pem .*transport-tls\) is disabled/)]);
    expect(await without.read("pjsip.conf")).not.toContain("[transport-tls]");

    const keys = await tempDir("keys-");
    const [cert, key] = [path.join(keys, "asterisk.pem"), path.join(keys, "asterisk.key")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=lane", "-days", "1", "-keyout", key, "-out", cert], { stdio: "ignore" });
    const withKeys = await render({ TRUNK_HOST: "192.0.2.10", TLS_CERT_FILE: cert, TLS_KEY_FILE: key, SIP_TLS_PORT: "5071" });
    expect(withKeys.stderr).toEqual([]);
    const pjsip = await withKeys.read("pjsip.conf");
    expect(pjsip).toContain("[transport-tls]");
    expect(pjsip).toContain(`cert_file = ${cert}`);
    expect(pjsip).toMatch(/^bind = 0\.0\.0\.0:5071$/m);
  });

  it("[ASTERISK] warns about the placeholder carrier; identify matches TRUNK_HOST without its port", async () => {
    const placeholder = await render();
    expect(placeholder.stderr.some((l) => /TRUNK_HOST is the placeholder sip\.carrier\.example/.test(l))).toBe(true);

    const carrier = await render({ TRUNK_HOST: "192.0.2.10:5080", TRUNK_USERNAME: "acct" });
    expect(carrier.stderr.some((l) => /placeholder/.test(l))).toBe(false);
    const pjsip = await carrier.read("pjsip.conf");
    expect(pjsip).toMatch(/^contact = sip:192\.0\.2\.10:5080$/m);
    expect(pjsip).toMatch(/^client_uri = sip:acct@192\.0\.2\.10:5080$/m);
    expect(pjsip).toMatch(/^match = 192\.0\.2\.10$/m);
    const v6 = await render({ TRUNK_HOST: "[2001:db8::1]:5080" });
    expect(await v6.read("pjsip.conf")).toMatch(/^match = 2001:db8::1$/m);
    const explicit = await render({ TRUNK_HOST: "sip.example.net", TRUNK_MATCH: "192.0.2.0/24" });
    expect(await explicit.read("pjsip.conf")).toMatch(/^match = 192\.0\.2\.0\/24$/m);
  });

  it("[ASTERISK] escapes sed's special characters and refuses a short ARI password", async () => {
    const tricky = await render({ ARI_PASSWORD: String.raw`a&b|c\d/e-0123456789` });
    expect(await tricky.read("ari.conf")).toContain(String.raw`password = a&b|c\d/e-0123456789`);
    const short = await render({ ARI_PASSWORD: "too-short" });
    expect(short.code).toBe(1);
    expect(short.stderr.join("\n")).toMatch(/at least 16 characters/);
  });
});
