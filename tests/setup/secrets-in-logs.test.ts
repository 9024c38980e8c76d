import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-logins";
import { assertNoDisconnectErrors, assertNoPasswordsLogged, e2ePasswords, passwordsInSource, secretsInLogs } from "./secrets-in-logs";

describe("secrets in e2e logs", () => {
  it("finds the passwords a test types, not its other strings", () => {
    const source = [
      'await dialog.getByLabel("Admin password").fill("Tps-reports-2026");',
      'await page.getByLabel("Company name").fill("Initech Holdings");',
      'const PASSWORD = "Centrex-demo-1";',
    ].join("\n");
    expect(passwordsInSource(source)).toEqual(["Tps-reports-2026", "Centrex-demo-1"]);
  });

  it("names each log that holds a password", () => {
    const logs = { "web-server.log": `[trpc] input {"password":"Tps-reports-2026"}`, "worker.log": "all quiet" };
    expect(secretsInLogs(logs, ["Tps-reports-2026", "Centrex-demo-1"])).toEqual(["web-server.log: Tps-reports-2026"]);
    expect(secretsInLogs({ "worker.log": "all quiet" }, ["Tps-reports-2026"])).toEqual([]);
  });

  it("reads the demo password and the e2e tests' own", async () => {
    const secrets = await e2ePasswords(path.join(import.meta.dirname, "../e2e"));
    expect(secrets.has(DEMO_PASSWORD)).toBe(true);
    expect(secrets.has("Tps-reports-2026")).toBe(true);
    expect(secrets.has("Admin password")).toBe(false);
  });

  it("fails on a log that holds a test's password, and passes a clean one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "secrets-"));
    const e2eDir = path.join(import.meta.dirname, "../e2e");
    await writeFile(path.join(dir, "web-server.log"), `POST /api/trpc {"currentPassword":"${DEMO_PASSWORD}"}`);
    await writeFile(path.join(dir, "worker.log"), "demo call placed");
    await expect(assertNoPasswordsLogged(e2eDir, [path.join(dir, "web-server.log")])).rejects.toThrow(`web-server.log: ${DEMO_PASSWORD}`);
    await expect(assertNoPasswordsLogged(e2eDir, [path.join(dir, "worker.log")])).resolves.toBeUndefined();
  });

  it("fails on a log where a client leaving a stream shows as an error", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "disconnect-"));
    await writeFile(path.join(dir, "noisy.log"), "GET /api/events 200\n⨯ Error: The destination stream errored while writing data\n");
    await writeFile(path.join(dir, "quiet.log"), "GET /api/events 200\n");
    await expect(assertNoDisconnectErrors(path.join(dir, "noisy.log"))).rejects.toThrow(/destination stream errored/);
    await expect(assertNoDisconnectErrors(path.join(dir, "quiet.log"))).resolves.toBeUndefined();
  });
});
