import autocannon from "autocannon";

export type LoadResult = { name: string; requestsPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; requests: number; errors: number };

/**
 * Drives `url` with `connections` concurrent keep-alive connections for `seconds`, recording
 * every response time itself (autocannon's histogram has no p95). Non-2xx answers count as
 * errors: a benchmark of error pages would flatter the server.
 */
export async function measure(opts: { name: string; url: string; headers?: Record<string, string>; connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (err: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  // The callback form returns the instance, whose events carry each response time.
  const instance = autocannon({ url: opts.url, headers: opts.headers, connections: opts.connections, duration: opts.seconds }, (err, result) =>
    err ? fail(err) : finish(result),
  );
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) errors++;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return {
    name: opts.name,
    requestsPerSec: round(latencies.length / opts.seconds),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
