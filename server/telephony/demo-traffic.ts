/**
 * Demo traffic for the in-process simulator (DEMO_TRAFFIC=on): every few seconds a demo phone
 * calls a colleague, or an outside number calls a customer's DID, and the call lasts a while,
 * so the live pages of a fresh demo have something to show. Never used with a real Asterisk.
 */
import type { AriSimulator } from "./simulator";
import type { Logger } from "./log";

export type DemoTargets = {
  /** Per tenant: its phones' endpoints with their extension numbers, and its DIDs. */
  tenants: Array<{ phones: Array<{ endpoint: string; number: string }>; dids: string[] }>;
};

export type DemoTrafficOptions = {
  sim: AriSimulator;
  loadTargets: () => Promise<DemoTargets>;
  log: Logger;
  /** Mean pause between new calls, and the range of call lengths, in real milliseconds. */
  intervalMs?: number;
  callMs?: [number, number];
  random?: () => number;
};

export function startDemoTraffic(options: DemoTrafficOptions): { stop(): void } {
  const { sim, log, intervalMs = 6_000, callMs = [8_000, 45_000], random = Math.random } = options;
  const timers = new Set<NodeJS.Timeout>();
  let isStopped = false;
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!isStopped) run();
    }, ms);
    timers.add(timer);
  };

  const placeOne = async () => {
    const tenant = pick((await options.loadTargets()).tenants.filter((t) => t.phones.length > 1));
    if (!tenant) return;
    const isInbound = tenant.dids.length > 0 && random() < 0.4;
    const from = pick(tenant.phones)!;
    const to = pick(tenant.phones.filter((p) => p !== from))!;
    const channelId = isInbound
      ? sim.scenario.placeInboundCall({ from: `+4479${String(Math.floor(random() * 1e8)).padStart(8, "0")}`, to: pick(tenant.dids)! })
      : sim.scenario.placeExtensionCall({ fromEndpoint: from.endpoint, to: to.number });
    const length = callMs[0] + random() * (callMs[1] - callMs[0]);
    later(length, () => {
      // The caller hangs up; a channel the worker already ended is simply gone.
      if (sim.scenario.snapshot().channels.some((c) => c.id === channelId)) sim.scenario.hangup(channelId);
    });
  };

  const tick = () => {
    placeOne().catch((err: unknown) => log.warn("demo call not placed", { err: String(err) }));
    later(intervalMs * (0.5 + random()), tick);
  };
  later(intervalMs, tick);
  log.info("demo traffic on", { intervalMs });
  return {
    stop() {
      isStopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
