import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { bin, REPO_ROOT, runCommand, spawnService, type Service } from "../../scripts/lib/child-processes";

export const ARTIFACTS_DIR = path.join(REPO_ROOT, "tests/e2e/artifacts");

/**
 * SIP settings the app under test shows phones. None is a default (5060, udp only, APP_URL's
 * host), so a dialog that showed defaults instead of the configuration would fail.
 */
export const E2E_SIP = { SIP_DOMAIN: "sip.e2e.example", SIP_PORT: "5070", SIP_TLS_PORT: "5071", SIP_TRANSPORTS: "udp,tls" };

/**
 * The environment `next build` and the web server get: ours minus what vitest added.
 * NODE_ENV=test would make Next warn and build a non-standard bundle; VITEST* would leak
 * test-only branches into the app under test.
 */
export function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, NEXT_TELEMETRY_DISABLED: "1" };
  for (const key of Object.keys(env)) if (key === "NODE_ENV" || key.startsWith("VITEST")) delete env[key];
  return env;
}

/** `next build`, unless E2E_SKIP_BUILD=1 and a build exists (fast local reruns). */
export async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(REPO_ROOT, ".next/BUILD_ID"))) {
    console.log("[e2e] E2E_SKIP_BUILD=1: reusing the existing .next build");
    return;
  }
  const logFile = path.join(ARTIFACTS_DIR, "next-build.log");
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  console.log(`[e2e] next build (log: ${path.relative(REPO_ROOT, logFile)})`);
  const log = createWriteStream(logFile);
  const code = await runCommand(bin("next"), ["build"], { env, log });
  log.end();
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${await tail(logFile)}`);
}

/**
 * The production web server on `port`, exactly as `npm start` runs it (scripts/web-server.ts:
 * the .next build behind our own HTTP server); resolves once it answers HTTP, or throws with
 * the server's log (`logName` in the artifacts, for a second server beside the first).
 */
export async function startApp(env: NodeJS.ProcessEnv, port: number, logName = "web-server.log"): Promise<{ baseUrl: string; service: Service }> {
  const logFile = path.join(ARTIFACTS_DIR, logName);
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const service = spawnService(
    { name: "web", command: bin("tsx"), args: ["scripts/web-server.ts", "--port", String(port), "--hostname", "127.0.0.1"], env },
    { kind: "stream", stream: createWriteStream(logFile) },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(baseUrl, service, 60_000);
  } catch (err) {
    await service.stop();
    throw new Error(`${(err as Error).message}\n${await tail(logFile)}`);
  }
  return { baseUrl, service };
}

async function waitForHttp(url: string, service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void service.exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("the web server exited before it answered.");
    // Any HTTP answer (a redirect to /login included) means the server is up.
    const isUp = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the web server did not answer at ${url} within ${timeoutMs / 1000}s.`);
}

async function tail(file: string, lines = 60): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.split("\n").slice(-lines).join("\n");
}

/** Credentials of the worker's in-process ARI simulator (the worker's defaults). */
export const SIMULATOR_AUTH = { username: "centrex", password: "centrex-dev-only" };

/**
 * The telephony worker with its in-process ARI simulator, as `npm start` runs it (demo traffic
 * off, so tests decide every call). Resolves once /health reports ARI connected.
 */
export async function startWorker(env: NodeJS.ProcessEnv, ports: { simulator: number; health: number }): Promise<{ simulatorUrl: string; service: Service }> {
  const logFile = path.join(ARTIFACTS_DIR, "worker.log");
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const service = spawnService(
    {
      name: "worker",
      command: bin("tsx"),
      args: ["server/telephony/worker.ts"],
      env: { ...env, ARI_URL: "", DEMO_TRAFFIC: "off", SIMULATOR_PORT: String(ports.simulator), WORKER_HEALTH_PORT: String(ports.health), ...SIMULATOR_AUTH_ENV },
    },
    { kind: "stream", stream: createWriteStream(logFile) },
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const health = await fetch(`http://127.0.0.1:${ports.health}/health`, { signal: AbortSignal.timeout(2_000) })
      .then((res) => (res.ok ? (res.json() as Promise<{ ari: string }>) : null))
      .catch(() => null);
    if (health?.ari === "connected") return { simulatorUrl: `http://127.0.0.1:${ports.simulator}`, service };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await service.stop();
  throw new Error(`the worker did not connect to its simulator within 60 s:\n${await tail(logFile)}`);
}

const SIMULATOR_AUTH_ENV = { ARI_USERNAME: SIMULATOR_AUTH.username, ARI_PASSWORD: SIMULATOR_AUTH.password };
