/**
 * Test support for the Asterisk lane: the REAL telephony worker (`tsx server/telephony/worker.ts`,
 * what `npm run worker` runs) as a child process pointed at the lane's Asterisk. Its stdout is
 * JSON lines (server/telephony/log.ts); they are kept parsed so tests can wait for a message.
 */
import { bin } from "../../../scripts/lib/child-processes";
import { appEnv } from "../../setup/e2e-server";
import { findFreePort } from "../../setup/free-port";
import { spawnChild, type LaneChild } from "./child";
import { pollUntil } from "./output";

export type WorkerLogLine = { time?: string; level?: string; msg?: string; [field: string]: unknown };

export interface WorkerSettings {
  databaseUrl: string;
  ari: { url: string; username: string; password: string; app: string };
  trunk?: string;
  /** More environment for the worker (overrides the lane's). */
  env?: Record<string, string>;
}

export type WorkerHealth = { ari: "connected" | "disconnected"; lastEventAt: string | null; activeCalls: number; uptimeSec: number };

const parse = (line: string): WorkerLogLine => {
  try {
    return JSON.parse(line) as WorkerLogLine;
  } catch {
    return { msg: line, level: "raw" };
  }
};

export class WorkerProcess {
  private child: LaneChild | null = null;
  /** Every line of every run, in order (restarts append). */
  readonly lines: WorkerLogLine[] = [];
  healthPort = 0;

  constructor(readonly settings: WorkerSettings) {}

  get isRunning(): boolean {
    return this.child?.isRunning() ?? false;
  }

  /**
   * Starts the worker; by default resolves once /health says ARI is connected and the first
   * "provisioning full sync done" of this run was logged.
   */
  async start(options: { waitUntilProvisioned?: boolean } = {}): Promise<void> {
    if (this.isRunning) throw new Error("the worker is already running");
    this.healthPort = await findFreePort();
    const env = appEnv({
      DATABASE_URL: this.settings.databaseUrl,
      ARI_URL: this.settings.ari.url,
      ARI_USERNAME: this.settings.ari.username,
      ARI_PASSWORD: this.settings.ari.password,
      ARI_APP: this.settings.ari.app,
      ARI_TRUNK: this.settings.trunk ?? "trunk",
      WORKER_HEALTH_PORT: String(this.healthPort),
      DEMO_TRAFFIC: "off",
      ARI_RECONNECT_MAX_SECONDS: "2",
      ...this.settings.env,
    });
    const since = this.mark();
    const child = spawnChild({ name: "worker", command: bin("tsx"), args: ["server/telephony/worker.ts"], env, onLine: (line) => this.lines.push(parse(line)) });
    this.child = child;
    if (options.waitUntilProvisioned === false) return;
    await this.waitForLog((l) => l.msg === "provisioning full sync done", { since, timeoutMs: 60_000 });
    await pollUntil("worker /health connected", async () => (await this.health())?.ari === "connected", 30_000);
  }

  mark(): number {
    return this.lines.length;
  }

  /** Lines at or after `since` that match. */
  find(predicate: (line: WorkerLogLine) => boolean, since = 0): WorkerLogLine[] {
    return this.lines.slice(since).filter(predicate);
  }

  waitForLog(predicate: (line: WorkerLogLine) => boolean, options: { since?: number; timeoutMs?: number } = {}): Promise<WorkerLogLine> {
    return pollUntil(
      "worker log line",
      () => {
        if (!this.isRunning && this.child) {
          const hit = this.find(predicate, options.since ?? 0)[0];
          if (hit) return hit;
          throw new Error(`the worker exited:\n${this.tail()}`);
        }
        return this.find(predicate, options.since ?? 0)[0];
      },
      options.timeoutMs ?? 30_000,
      50,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\nLast worker lines:\n${this.tail()}`);
    });
  }

  tail(count = 30): string {
    return this.lines.slice(-count).map((l) => JSON.stringify(l)).join("\n");
  }

  /** GET /health; null while nothing answers. */
  async health(): Promise<WorkerHealth | null> {
    if (!this.healthPort) return null;
    return fetch(`http://127.0.0.1:${this.healthPort}/health`, { signal: AbortSignal.timeout(2_000) })
      .then((res) => res.json() as Promise<WorkerHealth>)
      .catch(() => null);
  }

  /** SIGTERM: the worker drains calls and exits by itself. */
  async stop(): Promise<void> {
    await this.child?.stop(20_000);
  }

  /** SIGKILL: a crash, nothing drained. */
  async kill(): Promise<void> {
    if (!this.child?.isRunning()) return;
    this.child.signal("SIGKILL");
    await this.child.exited;
  }
}
