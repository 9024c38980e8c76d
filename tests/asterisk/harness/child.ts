/**
 * Test support for the Asterisk lane: a child process (Asterisk, pjsua, the worker) in its own
 * process group, its stdout and stderr captured line by line, and a synchronous SIGKILL of
 * every group still running when the test process exits, so a crashed or interrupted run
 * leaves no Asterisk bound to a port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "../../../scripts/lib/child-processes";
import { LineLog } from "./output";

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null };

export interface LaneChild {
  name: string;
  process: ChildProcess;
  output: LineLog;
  exited: Promise<ChildExit>;
  isRunning(): boolean;
  /** Signals the whole process group; no-op once it is gone. */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<ChildExit>;
}

const running = new Set<LaneChild>();
process.on("exit", () => {
  for (const child of running) child.signal("SIGKILL");
});

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  hasStdin?: boolean;
  onLine?: (line: string) => void;
}

export function spawnChild(spec: ChildSpec): LaneChild {
  const proc = spawn(spec.command, spec.args, {
    cwd: REPO_ROOT,
    env: spec.env ?? process.env,
    stdio: [spec.hasStdin ? "pipe" : "ignore", "pipe", "pipe"],
    detached: true,
  });
  const output = new LineLog(spec.name, spec.onLine);
  proc.stdout?.setEncoding("utf8").on("data", (chunk: string) => output.write(chunk));
  proc.stderr?.setEncoding("utf8").on("data", (chunk: string) => output.write(chunk));
  const exited = new Promise<ChildExit>((resolve) => {
    proc.on("exit", (code, signal) => resolve({ code, signal }));
    proc.on("error", (err) => {
      output.write(`${spec.command}: ${err.message}\n`);
      resolve({ code: 127, signal: null });
    });
  });
  const isRunning = () => proc.exitCode === null && proc.signalCode === null && proc.pid !== undefined;
  const child: LaneChild = {
    name: spec.name,
    process: proc,
    output,
    exited,
    isRunning,
    signal(signal) {
      if (!proc.pid) return;
      try {
        process.kill(-proc.pid, signal);
      } catch {
        // ESRCH: the group is already gone.
      }
    },
    async stop(graceMs = 10_000) {
      if (isRunning()) {
        child.signal("SIGTERM");
        const timer = setTimeout(() => child.signal("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      child.signal("SIGKILL");
      return exited;
    },
  };
  running.add(child);
  void exited.then(() => running.delete(child));
  return child;
}
