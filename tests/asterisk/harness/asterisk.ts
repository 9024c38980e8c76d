/**
 * Test support for the Asterisk lane: a real Asterisk on a rendered lane configuration
 * (render.ts). Started in the foreground without a console (`-f -n`), it logs to
 * `<astlogdir>/messages.log`; the CLI is reached with `asterisk -C <conf> -rx`, the way an
 * operator would. restart() stops with `core stop now` and starts again on the same folders, so
 * astdb (registrations) survives as it does on a real restart.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { spawnChild, type LaneChild } from "./child";
import { LineLog, pollUntil, type LineMatcher, type WaitOptions } from "./output";
import type { LaneConfig } from "./render";

const BOOT_TIMEOUT_MS = 60_000;

export class AsteriskProcess {
  private child: LaneChild | null = null;
  /** messages.log, re-read on demand; it keeps growing across restarts. */
  private readonly logFile: string;
  private readonly messages = new LineLog("asterisk messages.log");
  private logBytes = 0;
  /** How many times start() has booted Asterisk. */
  starts = 0;

  constructor(
    readonly bin: string,
    readonly config: LaneConfig,
  ) {
    this.logFile = path.join(config.logDir, "messages.log");
  }

  get pid(): number | undefined {
    return this.child?.process.pid;
  }

  get isRunning(): boolean {
    return this.child?.isRunning() ?? false;
  }

  /** Starts Asterisk and resolves once `core waitfullybooted` returns. */
  async start(): Promise<void> {
    if (this.isRunning) throw new Error("Asterisk is already running");
    const child = spawnChild({ name: "asterisk", command: this.bin, args: ["-C", this.config.asteriskConf, "-f", "-n"] });
    this.child = child;
    await pollUntil(
      "Asterisk accepting remote CLI connections",
      async () => {
        if (!child.isRunning()) throw new Error(`Asterisk exited during start-up:\n${child.output.text()}`);
        return (await this.cliRaw("core waitfullybooted")).code === 0;
      },
      BOOT_TIMEOUT_MS,
      200,
    );
    this.starts++;
  }

  /** `core stop now`, then waits for the process to exit (SIGKILL after 15 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.isRunning()) return;
    await this.cliRaw("core stop now");
    const timer = setTimeout(() => child.signal("SIGKILL"), 15_000);
    await child.exited;
    clearTimeout(timer);
  }

  /** Like a service restart: graceful stop, same folders, fully booted again. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Immediate SIGKILL, for crash scenarios and teardown. */
  async kill(): Promise<void> {
    if (!this.child?.isRunning()) return;
    this.child.signal("SIGKILL");
    await this.child.exited;
  }

  /** Runs one CLI command (`asterisk -rx`); throws if Asterisk cannot be reached. */
  async cli(command: string): Promise<string> {
    const result = await this.cliRaw(command);
    if (result.code !== 0) throw new Error(`asterisk -rx "${command}" exited ${result.code}: ${result.output}`);
    return result.output;
  }

  private cliRaw(command: string): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      const proc = spawn(this.bin, ["-C", this.config.asteriskConf, "-rx", command], { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      proc.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
      proc.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
      proc.on("error", (err) => resolve({ code: 127, output: err.message }));
      proc.on("close", (code) => resolve({ code: code ?? 1, output }));
    });
  }

  /** messages.log as lines, read up to now (all starts). */
  async logLines(): Promise<LineLog> {
    const buffer = await readFile(this.logFile).catch(() => Buffer.alloc(0));
    if (buffer.length > this.logBytes) {
      this.messages.write(buffer.subarray(this.logBytes).toString("utf8"));
      this.logBytes = buffer.length;
    }
    return this.messages;
  }

  async log(since = 0): Promise<string> {
    return (await this.logLines()).text(since);
  }

  /** A position in messages.log for `waitForLog(..., { since })`. */
  async mark(): Promise<number> {
    return (await this.logLines()).mark();
  }

  /** Waits for a matching line in messages.log (polled: Asterisk writes it, not a pipe). */
  async waitForLog(matcher: LineMatcher, options: WaitOptions = {}): Promise<string> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    return pollUntil(
      `asterisk log line ${String(matcher)}`,
      async () => (await this.logLines()).find(matcher, options.since ?? 0)[0],
      timeoutMs,
      100,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}. Last lines:\n${(await this.logLines()).lines.slice(-40).join("\n")}`);
    });
  }

  /** Console output of the current process (stdout/stderr), for start-up failures. */
  consoleOutput(): string {
    return this.child?.output.text() ?? "";
  }
}
