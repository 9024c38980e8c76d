/**
 * `npm run smoke:start`: runs the README's main command (`npm start`) as a newcomer would and
 * checks the whole product came up: the portal answers, the worker is connected to ARI, and
 * demo calls are moving (the worker reports a call in progress). Then Ctrl-C must stop it all.
 * CI runs it in a clone with nothing beside it, so a file read from outside the repo fails here.
 * Exits non-zero, with the last lines of the output, on any failure.
 */
import { spawn } from "node:child_process";
import { findFreePort } from "../tests/setup/free-port";
import { bin, REPO_ROOT } from "./lib/child-processes";

const TIMEOUT_MS = 6 * 60_000; // a first `next build` on 2 cores takes about two minutes
const [port, healthPort, simPort, pgPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
const output: string[] = [];
const child = spawn(bin("tsx"), ["scripts/start.ts"], {
  cwd: REPO_ROOT,
  env: {
    ...process.env,
    PORT: String(port), WORKER_HEALTH_PORT: String(healthPort), SIMULATOR_PORT: String(simPort), EMBEDDED_PG_PORT: String(pgPort),
    DATABASE_URL: "", ARI_URL: "", DEMO_TRAFFIC: "on",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
for (const stream of [child.stdout, child.stderr]) {
  stream.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    output.push(...chunk.toString("utf8").split("\n"));
    if (output.length > 400) output.splice(0, output.length - 400);
  });
}
const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
let hasExited = false;
void exited.then(() => (hasExited = true));

function fail(reason: string): never {
  console.error(`\nsmoke:start FAILED: ${reason}\n--- last output ---\n${output.slice(-60).join("\n")}`);
  child.kill("SIGKILL");
  process.exit(1);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, deadline: number): Promise<T> {
  while (Date.now() < deadline) {
    if (hasExited) fail(`npm start exited while waiting for ${what}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return fail(`timed out waiting for ${what}`);
}

const started = Date.now();
const deadline = started + TIMEOUT_MS;
await waitFor("the portal's sign-in page", async () => {
  const res = await fetch(`http://127.0.0.1:${port}/login`);
  return res.status === 200 && (await res.text()).includes("Sign in") ? true : undefined;
}, deadline);
console.log(`smoke:start: portal up after ${Math.round((Date.now() - started) / 1000)} s`);
const health = () => fetch(`http://127.0.0.1:${healthPort}/health`).then((r) => r.json() as Promise<{ ari: string; activeCalls: number }>);
await waitFor("the worker to connect to ARI", async () => ((await health()).ari === "connected" ? true : undefined), deadline);
await waitFor("a demo call in progress", async () => ((await health()).activeCalls > 0 ? true : undefined), Math.min(deadline, Date.now() + 90_000));
console.log("smoke:start: worker connected, demo calls moving; stopping with SIGINT");

child.kill("SIGINT");
const code = await Promise.race([exited, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000))]);
if (code === "timeout") fail("npm start did not stop within 30 s of SIGINT");
if (code !== 0) fail(`npm start exited ${code} after SIGINT`);
console.log(`smoke:start: passed in ${Math.round((Date.now() - started) / 1000)} s`);
