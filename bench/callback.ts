/**
 * npm run bench:callback — POST /api/v1/callbacks under 50 connections (issue 14), against
 * `next build` served by scripts/web-server.ts on an embedded PostgreSQL with the demo seed.
 *
 * A bench company gets a line (extension 201) and a key with its limits raised (key limit,
 * concurrency cap, daily spend); every request asks for a different valid London number, so
 * the per-destination limit never answers. No worker runs, so a stand-in finishes queued
 * requests every 100 ms (as placed calls would end): the open-request count the database's
 * concurrency check reads stays what a real company's would be, not the whole run's.
 *
 * Two web servers on the same database and build, one started with CALLBACK_RATE_LIMITS=off
 * and one with the limits on, so the limiter's cost (counting the key's and the destination's
 * hits in PostgreSQL) is the difference. They take turns, round after round (a shared
 * machine's slow minutes then fall on both), and each turn drives one twice: flat out (every
 * connection sends its next request as soon as the last is answered: the most it accepts),
 * then paced at the aimed 500 requests/s over up to as many connections (bench/lib/paced.ts:
 * the latency a client sees at that rate).
 *
 * Aim: at least 500 accepted requests/s with p95 under 50 ms, read from the paced run: flat
 * out, 50 connections' latency is only Little's law (50 / throughput; p95 under 50 ms would
 * take well over 1,000/s), so it shows capacity, not the wait at a given load.
 * Prints text, then ONE JSON line.
 * Options: --seconds=N (per run, default 5) --rounds=N (default 3) --connections=N --rate=N
 * (paced, default 500);
 * BENCH_SKIP_BUILD=1 reuses .next.
 * --async-commit (diagnosis only): the bench database commits without waiting for its WAL
 * flush, which shows how much of the time is spent in commits that wait for one another.
 */
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { withoutExitHooks } from "../scripts/lib/exit-hooks";
import { migrate } from "../server/database/migrate";
import { generateApiKey } from "../server/modules/callbacks/api-keys/key-material";
import { appEnv, buildApp, startApp } from "../tests/setup/e2e-server";
import { findFreePort } from "../tests/setup/free-port";
import { createRunDir, removeRunDir } from "../tests/setup/test-data-dir";
import { createTestDatabase } from "../tests/setup/test-database";
import { treeCpuSeconds } from "./lib/process-stats";
import { summarize, type LoadResult, type LoadRun } from "./lib/load";
import { drivePaced } from "./lib/paced";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const seconds = arg("seconds", 5);
const roundCount = arg("rounds", 3);
const connections = arg("connections", 50);
const AIM = { requestsPerSec: 500, p95Ms: 50 };
const pacedRate = arg("rate", AIM.requestsPerSec);
/** A paced run ends with its last answer, a little after its last request is sent. */
const PACING_SLACK = 0.98;
const DRAIN_EVERY_MS = 100;
const isAsyncCommit = process.argv.includes("--async-commit");

/** Valid London fixed-line numbers, a different one per request: +44 20 3/7/8xxx xxxx. */
let numberSeq = 0;
function nextNumber() {
  const n = numberSeq++;
  return `+4420${[3, 7, 8][Math.floor(n / 10_000_000) % 3]}${String(n % 10_000_000).padStart(7, "0")}`;
}

async function seedBenchCompany(url: string) {
  process.env.DATABASE_URL = url;
  const { db, disconnectDatabase } = await import("../server/db");
  try {
    const partner = await db.partner.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    const tenant = await db.tenant.create({
      data: {
        partnerId: partner.id, name: "Bench Callbacks Ltd", isPrepaid: false, countryCode: "44",
        // Raised so that only the rate limiter (when on) and the checks themselves answer.
        callbackMaxConcurrent: 2_000_000_000, callbackDailySpendLimit: "1000000",
      },
    });
    const sip = await db.sipAccount.create({ data: { tenantId: tenant.id, username: `bench-cb-${Date.now()}`, authMd5: "0".repeat(32) } });
    await db.extension.create({ data: { tenantId: tenant.id, number: "201", displayName: "Bench line", sipAccountId: sip.id } });
    const material = generateApiKey();
    await db.apiKey.create({ data: { tenantId: tenant.id, name: "Bench key", prefix: material.prefix, secretHash: material.secretHash, rateLimitPerMinute: 1_000_000 } });
    return { tenantId: tenant.id, key: material.key };
  } finally {
    await disconnectDatabase();
  }
}

/** Stands in for the worker: queued requests end, as placed calls would. */
function startDrain(url: string, tenantId: string) {
  const client = new pg.Client({ connectionString: url });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    await client.query(`UPDATE "CallbackRequest" SET "state" = 'COMPLETED', "endedAt" = now(), "updatedAt" = now() WHERE "tenantId" = $1 AND "state" = 'QUEUED'`, [tenantId]).catch(() => {});
    timer = setTimeout(() => void tick(), DRAIN_EVERY_MS);
  };
  const ready = client.connect().then(() => void tick());
  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client.end();
    },
  };
}

async function drivePosts(opts: { baseUrl: string; key: string; seconds: number; serverPid: number }): Promise<LoadRun & { statuses: Record<string, number> }> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const cpuBefore = treeCpuSeconds(opts.serverPid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${opts.baseUrl}/api/v1/callbacks`,
        connections,
        duration: opts.seconds,
        method: "POST",
        headers: { authorization: `Bearer ${opts.key}`, "content-type": "application/json" },
        // A new destination for every request autocannon sends.
        requests: [{ method: "POST", setupRequest: (req) => ({ ...req, body: JSON.stringify({ from: "201", to: nextNumber() }) }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode === 201) latenciesMs.push(responseTime);
      else errors++;
    });
  });
  return { latenciesMs, errors: errors + result.errors + result.timeouts, seconds: opts.seconds, serverCpuSeconds: treeCpuSeconds(opts.serverPid) - cpuBefore, statuses };
}

/** The same requests at a steady pacedRate (bench/lib/paced.ts), latency counted from when each was due. */
async function drivePacedPosts(opts: { baseUrl: string; key: string; seconds: number; serverPid: number }) {
  const statuses: Record<string, number> = {};
  const run = await drivePaced({
    url: `${opts.baseUrl}/api/v1/callbacks`,
    method: "POST",
    headers: { authorization: `Bearer ${opts.key}`, "content-type": "application/json" },
    body: () => JSON.stringify({ from: "201", to: nextNumber() }),
    rate: pacedRate,
    seconds: opts.seconds,
    connections,
    serverPid: opts.serverPid,
    isExpected: (status) => status === 201,
    onStatus: (status) => void (statuses[status] = (statuses[status] ?? 0) + 1),
  });
  return { ...run, statuses };
}

type Server = { limits: "on" | "off"; baseUrl: string; serverPid: number; stop: () => Promise<void> };

async function startServer(limits: "on" | "off", url: string): Promise<Server> {
  const env = appEnv({ DATABASE_URL: url, AUTH_SECRET: "bench-only-secret-0123456789abcdefghijkl", CALLBACK_RATE_LIMITS: limits });
  const app = await startApp(env, await findFreePort(), `web-server-limits-${limits}.log`);
  const serverPid = app.service.child.pid;
  if (!serverPid) throw new Error("the web server has no pid");
  return { limits, baseUrl: app.baseUrl, serverPid, stop: async () => void (await app.service.stop()) };
}

type Rounds = { flat: (LoadRun & { statuses: Record<string, number> })[]; paced: (LoadRun & { statuses: Record<string, number> })[] };

/**
 * Both servers (limits off, limits on) run side by side and take turns, round after round, so
 * a shared machine's slower minutes fall on both alike; each configuration's rounds are then
 * summed as one run.
 */
async function measure(servers: Server[], key: string): Promise<Map<Server, Rounds>> {
  const rounds = new Map(servers.map((s) => [s, { flat: [], paced: [] } as Rounds]));
  // Warm up: compile the route, fill pools and caches, before anything counts.
  for (const s of servers) await drivePosts({ baseUrl: s.baseUrl, key, seconds: 2, serverPid: s.serverPid });
  for (let round = 0; round < roundCount; round++) {
    for (const s of servers) {
      rounds.get(s)!.flat.push(await drivePosts({ baseUrl: s.baseUrl, key, seconds, serverPid: s.serverPid }));
      rounds.get(s)!.paced.push(await drivePacedPosts({ baseUrl: s.baseUrl, key, seconds, serverPid: s.serverPid }));
    }
  }
  return rounds;
}

const merged = (runs: { statuses: Record<string, number> }[]) => {
  const statuses: Record<string, number> = {};
  for (const run of runs) for (const [status, n] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return { statuses };
};

function measured(limits: "on" | "off", rounds: Rounds) {
  return {
    flat: { run: merged(rounds.flat), result: summarize(`limits ${limits}, flat out`, rounds.flat) },
    paced: { run: merged(rounds.paced), result: summarize(`limits ${limits}, paced at ${pacedRate}/s`, rounds.paced) },
  };
}

async function main() {
  const { startEmbeddedPostgres } = await withoutExitHooks(() => import("../server/database/embedded-postgres"));
  const runDir = await createRunDir("bench-callback");
  const server = await startEmbeddedPostgres({ dataDir: path.join(runDir, "pg"), port: await findFreePort() });
  try {
    const database = await createTestDatabase({ serverUrl: server.serverUrl, prefix: "bench" });
    await migrate(database.url);
    if (isAsyncCommit) {
      const name = new URL(database.url).pathname.slice(1);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(`ALTER DATABASE "${name.replaceAll('"', '""')}" SET synchronous_commit = off`);
      await client.end();
      console.log("--async-commit: commits do not wait for the WAL flush (diagnosis only, not a production setting)");
    }
    process.env.DATABASE_URL = database.url;
    const { seedDemoOnce } = await import("../prisma/seed");
    await seedDemoOnce();
    const bench = await seedBenchCompany(database.url);
    console.log("Building the app (next build; BENCH_SKIP_BUILD=1 reuses .next)…");
    if (process.env.BENCH_SKIP_BUILD === "1") process.env.E2E_SKIP_BUILD = "1";
    await buildApp(appEnv({ DATABASE_URL: database.url, AUTH_SECRET: "bench-only-secret-0123456789abcdefghijkl" }));
    const servers = [await startServer("off", database.url), await startServer("on", database.url)];
    const drain = startDrain(database.url, bench.tenantId);
    try {
      await drain.ready;
      const rounds = await measure(servers, bench.key);
      report(measured("off", rounds.get(servers[0]!)!), measured("on", rounds.get(servers[1]!)!));
    } finally {
      await drain.stop();
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    await server.stop();
    await removeRunDir(runDir);
  }
}

type Measured = { run: { statuses: Record<string, number> }; result: LoadResult };

function report(off: { flat: Measured; paced: Measured }, on: { flat: Measured; paced: Measured }) {
  const all = [off.flat, off.paced, on.flat, on.paced];
  console.log(`\nPOST /api/v1/callbacks, ${connections} connections, ${roundCount} rounds of ${seconds} s per run, a new destination number per request\n`);
  const columns = ["accepted/s", "p50 ms", "p95 ms", "p99 ms", "refused", "CPU ms/req"];
  console.log(`${"run".padEnd(30)}${columns.map((c) => c.padStart(12)).join("")}`);
  for (const { result: r } of all) {
    console.log(`${r.name.padEnd(30)}${[r.requestsPerSec, r.p50Ms, r.p95Ms, r.p99Ms, r.errors, r.serverCpuMsPerRequest].map((c) => String(c).padStart(12)).join("")}`);
  }
  for (const { result, run } of all) console.log(`  ${result.name}: answers by status ${JSON.stringify(run.statuses)}`);
  const cost = {
    requestsPerSecPct: round1((1 - on.flat.result.requestsPerSec / off.flat.result.requestsPerSec) * 100),
    pacedP95Ms: round1(on.paced.result.p95Ms - off.paced.result.p95Ms),
    cpuMsPerRequest: round1(on.flat.result.serverCpuMsPerRequest - off.flat.result.serverCpuMsPerRequest),
  };
  console.log(`\nThe rate limiter costs ${cost.requestsPerSecPct}% of the flat-out throughput, ${cost.pacedP95Ms} ms at p95 when paced, ${cost.cpuMsPerRequest} ms of web CPU per request.`);
  const meets = (r: LoadResult) => r.requestsPerSec >= pacedRate * PACING_SLACK && r.p95Ms < AIM.p95Ms;
  const aimed = pacedRate === AIM.requestsPerSec;
  for (const r of [off.paced.result, on.paced.result]) {
    console.log(`${r.name}: ${meets(r) ? "meets" : "BELOW"} ${aimed ? "the aim" : "this rate's target"} (${pacedRate} accepted/s, p95 < ${AIM.p95Ms} ms)`);
  }
  const failed = all.some((r) => r.result.errors > 0);
  if (failed) console.log("Some requests were not accepted (201): see the answers by status above.");
  const figures = (m: { flat: Measured; paced: Measured }) => ({ flat: m.flat.result, paced: m.paced.result, meetsAim: aimed && meets(m.paced.result) });
  console.log(JSON.stringify({ bench: "callback", connections, seconds, rounds: roundCount, pacedRate, isAsyncCommit, aim: AIM, limiterCost: cost, off: figures(off), on: figures(on), statuses: Object.fromEntries(all.map((m) => [m.result.name, m.run.statuses])) }));
  if (failed) process.exitCode = 1;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
