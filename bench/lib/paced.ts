import http from "node:http";
import { treeCpuSeconds } from "./process-stats";
import type { LoadRun } from "./load";

/**
 * Sends requests at a steady rate (open loop), over at most `connections` keep-alive
 * connections, for `seconds`. autocannon's own pacing (overallRate) lets every connection fire
 * at the start of each second until that second's budget is spent, so its latency at "500/s"
 * is that of bursts at full speed; here request i is due at start + i / rate, and its latency
 * is counted from when it was due, not from when a connection was free to send it, so a
 * server that falls behind shows the wait (no coordinated omission).
 */
export async function drivePaced(opts: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
  connections: number;
  serverPid: number;
  isExpected: (statusCode: number) => boolean;
  onStatus?: (statusCode: number) => void;
}): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latenciesMs: number[] = [];
  let errors = 0;
  const total = Math.round(opts.rate * opts.seconds);
  const cpuBefore = treeCpuSeconds(opts.serverPid);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];

  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const body = opts.body();
      const req = http.request(opts.url, { method: opts.method, agent, headers: { ...opts.headers, "content-length": Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on("end", () => {
          opts.onStatus?.(res.statusCode ?? 0);
          if (opts.isExpected(res.statusCode ?? 0)) latenciesMs.push(performance.now() - dueAt);
          else errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });

  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes out; a late timer never thins the rate.
      while (sent < total && start + (sent * 1000) / opts.rate <= now) {
        inFlight.push(send(start + (sent * 1000) / opts.rate));
        sent++;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();
  // Until the last answer: a server that falls behind is not credited with the rate it was sent.
  const seconds = (performance.now() - start) / 1000;
  return { latenciesMs, errors, seconds, serverCpuSeconds: treeCpuSeconds(opts.serverPid) - cpuBefore };
}
