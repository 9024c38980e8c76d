import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import type { Writable } from "node:stream";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** A project binary from node_modules/.bin: no npx lookup, no registry round trip. */
export const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);

export type ServiceSpec = { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv };
export type Exit = { code: number | null; signal: NodeJS.Signals | null };
export type Service = { name: string; child: ChildProcess; exited: Promise<Exit>; stop(graceMs?: number): Promise<Exit> };

/** Where a service's output goes: prefixed lines on our stdout, or a log stream. */
export type ServiceOutput = { kind: "prefix"; width: number } | { kind: "stream"; stream: Writable };

const running = new Set<Service>();
// Backstop for crashes: services live in their own process groups (see spawnService), so
// nothing kills them when we die unless we do it here. Synchronous, as `exit` requires.
process.on("exit", () => {
  for (const service of running) signalGroup(service.child, "SIGKILL");
});

/**
 * Starts a long-running child in its own process group, so stop() reaches the processes it
 * spawns in turn (`next dev` forks its server) and a Ctrl-C is handled in one place: ours.
 */
export function spawnService(spec: ServiceSpec, output: ServiceOutput): Service {
  const child = spawn(spec.command, spec.args, {
    cwd: REPO_ROOT,
    env: spec.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const source of [child.stdout, child.stderr]) {
    if (!source) continue;
    if (output.kind === "stream") source.pipe(output.stream, { end: false });
    else {
      const label = `${spec.name.padEnd(output.width)} │ `;
      createInterface({ input: source }).on("line", (line) => process.stdout.write(label + line + "\n"));
    }
  }
  const exited = new Promise<Exit>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
    child.on("error", () => resolve({ code: 127, signal: null }));
  });
  const service: Service = {
    name: spec.name,
    child,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, "SIGTERM");
        const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // The leader is gone; make sure nothing it started lingers in the group.
      signalGroup(child, "SIGKILL");
      return exited;
    },
  };
  running.add(service);
  void exited.then(() => running.delete(service));
  return service;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Runs a command to completion; resolves with its exit code (signals count as failure). */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions; log?: Writable } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: options.env ?? process.env,
      stdio: options.log ? ["ignore", "pipe", "pipe"] : (options.stdio ?? "inherit"),
    });
    if (options.log) {
      child.stdout?.pipe(options.log, { end: false });
      child.stderr?.pipe(options.log, { end: false });
    }
    child.on("error", (err) => {
      options.log?.write(`${command}: ${err.message}\n`);
      resolve(127);
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
}
