import autocannon from "autocannon";
import { treeCpuSeconds } from "./process-stats";

/** One timed run: every response time, the answers that were not the expected status, CPU used. */
export type LoadRun = { latenciesMs: number[]; errors: number; seconds: number; serverCpuSeconds: number };

export type LoadResult = {
  name: string;
  requestsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  /** CPU the server's process tree spent per answer (PostgreSQL not included). */
  serverCpuMsPerRequest: number;
};

/**
 * Drives `url` with `connections` concurrent keep-alive connections for `seconds`, recording
 * every response time itself (autocannon's histogram has no p95). An answer other than the
 * expected status (any 2xx by default) counts as an error: a benchmark of error pages would
 * flatter the server. `serverPid` is the process tree whose CPU time is measured.
 */
export async function drive(opts: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  serverPid: number;
  isExpected?: (statusCode: number) => boolean;
}): Promise<LoadRun> {
  const isExpected = opts.isExpected ?? ((status: number) => status >= 200 && status < 300);
  const latenciesMs: number[] = [];
  let errors = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (err: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const cpuBefore = treeCpuSeconds(opts.serverPid);
  // The callback form returns the instance, whose events carry each response time.
  const instance = autocannon({ url: opts.url, headers: opts.headers, connections: opts.connections, duration: opts.seconds }, (err, result) =>
    err ? fail(err) : finish(result),
  );
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latenciesMs.push(responseTime);
    if (!isExpected(statusCode)) errors++;
  });
  const result = await done;
  return { latenciesMs, errors: errors + result.errors + result.timeouts, seconds: opts.seconds, serverCpuSeconds: treeCpuSeconds(opts.serverPid) - cpuBefore };
}

/** Figures over one or more runs of the same target, as if they were one. */
export function summarize(name: string, runs: LoadRun[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return {
    name,
    requestsPerSec: round(latencies.length / seconds),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    requests: latencies.length,
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    serverCpuMsPerRequest: round((runs.reduce((sum, r) => sum + r.serverCpuSeconds, 0) * 1000) / Math.max(1, latencies.length), 100),
  };
}

const round = (n: number, by = 10) => Math.round(n * by) / by;
