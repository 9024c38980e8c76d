/**
 * npm run bench:http — the signed-in `account.me` query and the portal home page under 50
 * connections, against `next build` served by scripts/web-server.ts on a seeded database.
 * Baseline: the same query signed out (framework, routing and tRPC cost; no session, no
 * database). The aim (issue 7): signed in, at least 0.8× the baseline's requests per second.
 *
 * The baseline and the signed-in query take turns, `rounds` times, so that load from anything
 * else on the machine falls on both alike; the ratio is of their totals over all rounds.
 * Options: --seconds=N (per round) --rounds=N --connections=N; BENCH_SKIP_BUILD=1 reuses .next.
 */
import { startAppUnderTest, signInCookie } from "./lib/app-under-test";
import { drive, summarize, type LoadResult, type LoadRun } from "./lib/load";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const seconds = arg("seconds", 5);
const rounds = arg("rounds", 3);
const connections = arg("connections", 50);
const AIM = 0.8;

async function main() {
  console.log("Starting the app (next build, scripts/web-server.ts, seeded embedded PostgreSQL)…");
  const app = await startAppUnderTest();
  try {
    const cookie = await signInCookie(app.baseUrl, "alice@acme.example", "Centrex-demo-1");
    const me = `${app.baseUrl}/api/trpc/account.me`;
    const home = `${app.baseUrl}/`;
    if (!app.webPid) throw new Error("the web server has no pid");
    const load = { connections, seconds, serverPid: app.webPid };
    // Warm up each route so compilation and caches do not count against the first round.
    for (const url of [me, home]) await fetch(url, { headers: { cookie } });
    const signedOut: LoadRun[] = [];
    const signedIn: LoadRun[] = [];
    for (let round = 0; round < rounds; round++) {
      signedOut.push(await drive({ ...load, url: me, isExpected: (status) => status === 401 }));
      signedIn.push(await drive({ ...load, url: me, headers: { cookie } }));
    }
    const homeRuns = [await drive({ ...load, url: home, headers: { cookie }, seconds: seconds * rounds })];
    report(
      [summarize("baseline: account.me, signed out (401)", signedOut), summarize("account.me, signed in", signedIn), summarize("portal home page, signed in", homeRuns)],
      signedIn.map((run, i) => run.latenciesMs.length / Math.max(1, signedOut[i]!.latenciesMs.length)),
    );
  } finally {
    await app.stop();
  }
}

function report(runs: LoadResult[], roundRatios: number[]) {
  const [base, me] = [runs[0]!, runs[1]!];
  const ratio = me.requestsPerSec / base.requestsPerSec;
  console.log(`\n${connections} connections; baseline and signed-in alternate, ${rounds} rounds of ${seconds} s each\n`);
  const columns = ["req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "CPU ms/req", "vs base"];
  console.log(`${"target".padEnd(42)}${columns.map((c) => c.padStart(c.length > 8 ? 12 : 9)).join("")}`);
  for (const r of runs) {
    const cells = [r.requestsPerSec, r.p50Ms, r.p95Ms, r.p99Ms, r.errors, r.serverCpuMsPerRequest, `${(r.requestsPerSec / base.requestsPerSec).toFixed(2)}×`];
    console.log(`${r.name.padEnd(42)}${cells.map((c, i) => String(c).padStart(columns[i]!.length > 8 ? 12 : 9)).join("")}`);
  }
  console.log("(CPU ms/req: the web server's own CPU time per answer; PostgreSQL's is not counted.)");
  const spread = `rounds ${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}×`;
  console.log(`\nsigned-in/baseline ${ratio.toFixed(2)}× (aim ≥ ${AIM}×; ${spread})${ratio < AIM ? "  BELOW AIM" : ""}`);
  const failed = runs.some((r) => r.errors > 0);
  if (failed) console.log("Some requests did not get their expected answer: the figures above are not valid.");
  console.log(JSON.stringify({ bench: "http", connections, seconds, rounds, ratio: round2(ratio), aim: AIM, roundRatios: roundRatios.map(round2), runs }));
  if (failed) process.exitCode = 1;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
