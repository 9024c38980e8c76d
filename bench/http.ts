/**
 * npm run bench:http — the signed-in `account.me` query and the portal home page under 50
 * connections for 10 s each, against `next build && next start` on a seeded database.
 * Baseline: the same query unauthenticated (framework + routing cost, no session or database).
 * Options: --seconds=N --connections=N; BENCH_SKIP_BUILD=1 reuses .next.
 */
import { startAppUnderTest, signInCookie } from "./lib/app-under-test";
import { measure, type LoadResult } from "./lib/load";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const seconds = arg("seconds", 10);
const connections = arg("connections", 50);

async function main() {
  console.log("Starting the app (next build && next start, seeded embedded PostgreSQL)…");
  const app = await startAppUnderTest();
  try {
    const cookie = await signInCookie(app.baseUrl, "alice@acme.example", "Centrex-demo-1");
    const me = `${app.baseUrl}/api/trpc/account.me`;
    const runs: LoadResult[] = [];
    // Warm up each route so compilation and caches do not count against the first run.
    for (const url of [me, `${app.baseUrl}/`]) await fetch(url, { headers: { cookie } });
    runs.push(await measure({ name: "baseline: account.me, signed out (401)", url: me, connections, seconds }));
    runs[0]!.errors = 0; // 401 is this baseline's expected answer
    runs.push(await measure({ name: "account.me, signed in", url: me, headers: { cookie }, connections, seconds }));
    runs.push(await measure({ name: "portal home page, signed in", url: `${app.baseUrl}/`, headers: { cookie }, connections, seconds }));
    report(runs);
  } finally {
    await app.stop();
  }
}

function report(runs: LoadResult[]) {
  const base = runs[0]!.requestsPerSec;
  console.log(`\n${connections} connections, ${seconds} s each\n`);
  console.log(`${"target".padEnd(42)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}${"vs base".padStart(9)}`);
  for (const r of runs) {
    const ratio = (r.requestsPerSec / base).toFixed(2);
    console.log(`${r.name.padEnd(42)}${String(r.requestsPerSec).padStart(9)}${String(r.p50Ms).padStart(9)}${String(r.p95Ms).padStart(9)}${String(r.p99Ms).padStart(9)}${String(r.errors).padStart(8)}${`${ratio}x`.padStart(9)}`);
  }
  const failed = runs.slice(1).some((r) => r.errors > 0);
  if (failed) console.log("\nSome signed-in requests did not answer 2xx: the figures above are not valid.");
  console.log(JSON.stringify({ bench: "http", connections, seconds, runs }));
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
