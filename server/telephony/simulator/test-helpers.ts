/** Test support: a simulator plus a connected AriClient, and an ordered log of received events. */
import { AriClient } from "../ari/client";
import { hasAriSpec, isAriSpecPresent, loadAriSpec } from "../ari/spec";
import type { EventValidator } from "./events-hub";
import type { AriEvent, AriEventMap, AriEventType } from "../ari/events";
import { startAriSimulator, type AriSimulator, type AriSimulatorOptions } from "./server";

export const USER = "portal";
export const PASS = "s3cr:t";
export const APP = "centrex";

/**
 * Every event the client received, in order. `next()` hands out each event once, so a test can
 * ask for events that may already have arrived (ARI events often beat the REST response).
 */
export class EventLog {
  readonly events: AriEvent[] = [];
  #consumed = new Set<number>();
  #wake = new Set<() => void>();

  constructor(client: AriClient) {
    client.on("message", (event) => {
      this.events.push(event as AriEvent);
      for (const wake of [...this.#wake]) wake();
    });
  }

  next<K extends AriEventType>(type: K, match: (e: AriEventMap[K]) => boolean = () => true, timeoutMs = 2000): Promise<AriEventMap[K]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const index = this.events.findIndex((e, i) => !this.#consumed.has(i) && e.type === type && match(e as AriEventMap[K]));
        if (index < 0) return false;
        this.#consumed.add(index);
        this.#wake.delete(check);
        clearTimeout(timer);
        resolve(this.events[index] as AriEventMap[K]);
        return true;
      };
      const timer = setTimeout(() => {
        this.#wake.delete(check);
        reject(new Error(`no ${type} event within ${timeoutMs} ms; got ${this.events.map((e) => e.type).join(", ")}`));
      }, timeoutMs);
      if (!check()) this.#wake.add(check);
    });
  }

  /** Every event about one channel (any type), in arrival order. */
  forChannel(channelId: string): AriEvent[] {
    return this.events.filter((e) => "channel" in e && e.channel?.id === channelId);
  }
}

export interface Bench {
  sim: AriSimulator;
  ari: AriClient;
  log: EventLog;
  close(): Promise<void>;
}

/** Starts a simulator (speed 100 unless given) and connects a client registered as `centrex`. */
export async function startBench(
  options: Partial<AriSimulatorOptions> = {},
  client: { subscribeAll?: boolean } = {},
): Promise<Bench> {
  const validateEvent = specEventValidator();
  const sim = await startAriSimulator({
    username: USER, password: PASS, speed: 100, ...(validateEvent ? { validateEvent } : {}), ...options,
  });
  const ari = new AriClient({
    baseUrl: sim.url,
    username: USER,
    password: PASS,
    app: APP,
    reconnect: { initialDelayMs: 20, maxDelaySeconds: 0.2 },
    ...(client.subscribeAll !== undefined ? { subscribeAll: client.subscribeAll } : {}),
  });
  const log = new EventLog(ari);
  await ari.connect();
  return {
    sim,
    ari,
    log,
    close: async () => {
      await ari.close();
      await sim.close();
    },
  };
}

/** Pushes endpoint, auth and AOR like the worker's provisioning, then optionally registers the phone. */
export async function provisionPhone(bench: Bench, endpoint: string, opts: { register?: boolean; context?: string } = {}) {
  const ref = (objectType: string) => ({ configClass: "res_pjsip", objectType, id: endpoint });
  await bench.ari.asterisk.putObject(ref("auth"), [
    { attribute: "auth_type", value: "userpass" },
    { attribute: "username", value: endpoint },
    { attribute: "password", value: "pw" },
  ]);
  await bench.ari.asterisk.putObject(ref("aor"), [
    { attribute: "max_contacts", value: "1" },
    { attribute: "qualify_frequency", value: "30" },
  ]);
  await bench.ari.asterisk.putObject(ref("endpoint"), [
    { attribute: "auth", value: endpoint },
    { attribute: "aors", value: endpoint },
    { attribute: "context", value: opts.context ?? "from-internal" },
    { attribute: "callerid", value: `"${endpoint}" <${endpoint}>` },
  ]);
  if (opts.register ?? true) bench.sim.scenario.registerPhone({ endpoint });
}

/**
 * Checks emitted events against Asterisk's spec when it is present (violations then fail the
 * conformance tests that read them); undefined without it.
 */
export function specEventValidator(): EventValidator | undefined {
  if (!isAriSpecPresent()) return undefined;
  const spec = loadAriSpec();
  return (type, event) => spec.validateModel(type, event);
}

/** The spec's problems with `value` as a `model`; none (and a note) when the spec is absent. */
export function specProblems(model: string, value: unknown): string[] {
  if (!hasAriSpec("simulator answers checked against the spec's models")) return [];
  return loadAriSpec().validateModel(model, value);
}

/** Polls `check` until it holds; for state that no event reports (e.g. after leaving Stasis). */
export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
