/**
 * Test support for the Asterisk lane: real SIP phones. Each Phone is one pjsua process
 * (pjproject's reference user agent) on its own loopback port, driven through its interactive
 * menu on stdin exactly as a person would type it: `m` + URI (call), `a` + code (answer), `h`
 * (hang up), `rr` / `ru` (re-register / unregister), `q` (quit). pjsua reports on stdout;
 * the helpers wait for its log lines, e.g. "Call 0 state changed to CONFIRMED" or
 * "Call 0 is DISCONNECTED [reason=486 (Busy Here)]".
 *
 * A phone without an account is the carrier: it registers nowhere, listens on its own port,
 * and Asterisk identifies it by IP as the trunk.
 */
import { spawnChild, type LaneChild } from "./child";
import { pollUntil, type LineMatcher, type WaitOptions } from "./output";
import { findFreeUdpRange } from "./ports";

/** RTP ports per phone: pjsua takes the next pair for every call and never reuses one. */
const RTP_PORTS_PER_PHONE = 40;

export interface PhoneOptions {
  /** The pjsua binary. */
  bin: string;
  /** Label for logs, e.g. "201". */
  name: string;
  /** Asterisk's SIP port on 127.0.0.1. */
  sipPort: number;
  /** SIP credentials; without them the phone does not register (the carrier). */
  account?: { username: string; password: string; realm?: string };
  /** Answer every incoming call with this status (200 answers, 486 is busy). */
  autoAnswer?: number;
  maxCalls?: number;
  /** Registration expiry in seconds (pjsua's default: 300). */
  registrationTimeoutSec?: number;
  /** Defaults to a free port. */
  localPort?: number;
  /**
   * Send every audio frame (`--no-vad`). With null audio pjsua's silence detector suppresses
   * nearly all RTP, so Asterisk records a "message" of 0 seconds and abandons it.
   */
  hasNoVad?: boolean;
}

export type Disconnect = { status: number; reason: string; line: string };

const CALL_STATE = /Call (\d+) state changed to (\w+)/;
const CALL_GONE = /Call (\d+) is DISCONNECTED \[reason=/;

export class Phone {
  readonly localPort: number;
  /** pjsua call id -> last state, for calls not yet DISCONNECTED. */
  readonly activeCalls = new Map<number, string>();
  private child!: LaneChild;

  private constructor(
    readonly options: PhoneOptions,
    localPort: number,
  ) {
    this.localPort = localPort;
  }

  private track(line: string): void {
    const gone = CALL_GONE.exec(line);
    if (gone) return void this.activeCalls.delete(Number(gone[1]));
    const state = CALL_STATE.exec(line);
    if (state) this.activeCalls.set(Number(state[1]), state[2] ?? "");
  }

  static async start(options: PhoneOptions): Promise<Phone> {
    const localPort = options.localPort ?? (await findFreeUdpRange(1));
    const rtpPort = await findFreeUdpRange(RTP_PORTS_PER_PHONE);
    // Loopback only, for SIP and for the addresses in Contact and SDP.
    const args = ["--null-audio", "--no-tcp", "--bound-addr=127.0.0.1", "--ip-addr=127.0.0.1", `--local-port=${localPort}`, `--rtp-port=${rtpPort}`, "--log-level=3", "--app-log-level=3", "--no-color"];
    if (options.account) {
      const { username, password, realm = "centrex" } = options.account;
      args.push(`--id=sip:${username}@127.0.0.1`, `--registrar=sip:127.0.0.1:${options.sipPort}`, `--realm=${realm}`, `--username=${username}`, `--password=${password}`);
      if (options.registrationTimeoutSec) args.push(`--reg-timeout=${options.registrationTimeoutSec}`);
    } else {
      args.push(`--id=sip:${options.name}@127.0.0.1:${localPort}`);
    }
    if (options.autoAnswer) args.push(`--auto-answer=${options.autoAnswer}`);
    if (options.maxCalls) args.push(`--max-calls=${options.maxCalls}`);
    if (options.hasNoVad) args.push("--no-vad");
    const phone = new Phone(options, localPort);
    // pjsua's stdout is block-buffered on a pipe; stdbuf makes it line-buffered so its log
    // lines arrive as they happen.
    const child = spawnChild({ name: `pjsua ${options.name}`, command: "stdbuf", args: ["-oL", "-eL", options.bin, ...args], hasStdin: true, onLine: (line) => phone.track(line) });
    phone.child = child;
    // The menu is printed once pjsua is ready for input.
    await phone.waitForOutput(/Ready: Success|You have \d+ active call/, { timeoutMs: 15_000 }).catch((err: Error) => {
      child.signal("SIGKILL");
      throw err;
    });
    return phone;
  }

  get output() {
    return this.child.output;
  }

  get process(): LaneChild {
    return this.child;
  }

  /** The SIP URI Asterisk's trunk contact must point at (carrier phones). */
  get uri(): string {
    return `sip:127.0.0.1:${this.localPort}`;
  }

  mark(): number {
    return this.output.mark();
  }

  waitForOutput(matcher: LineMatcher, options: WaitOptions = {}): Promise<string> {
    return this.output.waitFor(matcher, options);
  }

  /** Waits for "registration success" (status 200) after `since`. */
  waitForRegistered(options: WaitOptions = {}): Promise<string> {
    return this.waitForOutput(/registration success, status=200/, { timeoutMs: 20_000, ...options });
  }

  private type(...lines: string[]): void {
    if (!this.child.isRunning()) throw new Error(`${this.child.name} is not running`);
    for (const line of lines) this.child.process.stdin?.write(`${line}\n`);
  }

  /** Places a call; returns the output mark taken just before, for the waits that follow. */
  call(uri: string): number {
    const since = this.mark();
    this.type("m", uri);
    return since;
  }

  /** Answers the ringing call with `code` (200, or e.g. 486 to refuse it as busy). */
  answer(code = 200): number {
    const since = this.mark();
    this.type("a", String(code));
    return since;
  }

  /** Presses keys on the current call, sent as RFC 2833 events (pjsua's `#` command), as a keypad does. */
  sendDtmf(digits: string): number {
    const since = this.mark();
    this.type("#", digits);
    return since;
  }

  /** Hangs up the current call (BYE when answered, CANCEL while ringing out, 603 when ringing in). */
  hangup(): number {
    const since = this.mark();
    this.type("h");
    return since;
  }

  /** Hangs up every call (`ha`) and resolves once pjsua reports them all DISCONNECTED. */
  async hangupAll(timeoutMs = 10_000): Promise<void> {
    if (this.activeCalls.size === 0 || !this.child.isRunning()) return;
    this.type("ha");
    await pollUntil(`${this.child.name}: all calls ended`, () => this.activeCalls.size === 0, timeoutMs, 50);
  }

  reregister(): number {
    const since = this.mark();
    this.type("rr");
    return since;
  }

  unregister(): number {
    const since = this.mark();
    this.type("ru");
    return since;
  }

  /** Waits for "Call N state changed to <state>" (CALLING, EARLY, CONNECTING, CONFIRMED). */
  waitForCallState(state: string, options: WaitOptions = {}): Promise<string> {
    return this.waitForOutput(new RegExp(`Call \\d+ state changed to ${state}`), options);
  }

  waitForIncomingCall(options: WaitOptions = {}): Promise<string> {
    return this.waitForOutput(/Incoming call for account/, options);
  }

  /** Waits for the end of a call; the status is the last SIP response pjsua saw for it. */
  async waitForDisconnect(options: WaitOptions = {}): Promise<Disconnect> {
    const line = await this.waitForOutput(/Call \d+ is DISCONNECTED \[reason=/, options);
    const [, status = "0", reason = ""] = /reason=(\d+) \(([^)]*)\)/.exec(line) ?? [];
    return { status: Number(status), reason, line };
  }

  /** Quits through the menu (unregisters first); SIGKILL if it does not exit within 5 s. */
  async quit(): Promise<void> {
    if (!this.child.isRunning()) return;
    this.type("q");
    const timer = setTimeout(() => this.child.signal("SIGKILL"), 5_000);
    await this.child.exited;
    clearTimeout(timer);
  }

  /** Gone without a word, like a phone pulled from the network: no un-REGISTER, no BYE. */
  async kill(): Promise<void> {
    this.child.signal("SIGKILL");
    await this.child.exited;
  }
}
