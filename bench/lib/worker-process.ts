/**
 * The real telephony worker (bench/lib/worker-child.ts) in a child process, connected to an
 * ARI simulator: it provisions the endpoints, writes Registration rows and NOTIFYs presence,
 * as in production. A child keeps its CPU off the event loop that stamps SSE arrivals.
 */
import { fork } from "node:child_process";
import path from "node:path";

export type WorkerProcess = { stop(): Promise<void> };

/**
 * Resolves after the worker's first full provisioning push (every SIP account is then an
 * endpoint phones can register to). Uses DATABASE_URL from our environment.
 */
export async function startWorkerProcess(ari: { url: string; username: string; password: string }, timeoutMs = 60_000): Promise<WorkerProcess> {
  const child = fork(path.resolve(import.meta.dirname, "worker-child.ts"), {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ARI_URL: ari.url, ARI_USERNAME: ari.username, ARI_PASSWORD: ari.password, ARI_APP: "centrex" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const isReady = await Promise.race([
    new Promise<boolean>((resolve) => child.once("message", () => resolve(true))),
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
  ]);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send({ type: "stop" });
    // A clean stop drains in about 2 s (drainTimeoutMs); past that, do not wait any longer.
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  if (!isReady) {
    child.kill("SIGKILL");
    await exited;
    throw new Error(`the worker did not finish provisioning within ${timeoutMs / 1000} s`);
  }
  return { stop };
}
