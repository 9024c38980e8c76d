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
 * Two runs against the same database and build: the web server started with
 * CALLBACK_RATE_LIMITS=off, then restarted with the limits on, so the limiter's cost (one
 * PostgreSQL statement per request, plus the per-destination one) is the difference.
 * Aim: at least 500 accepted requests/s and p95 under 50 ms. Prints text, then ONE JSON line.
 * Options: --seconds=N (per run, default 10) --connections=N; BENCH_SKIP_BUILD=1 reuses .next.
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

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const seconds = arg("seconds", 10);
const connections = arg("connections", 50);
const AIM = { requestsPerSec: 500, p95Ms: 50 };
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

async function runWith(limits: "on" | "off", ctx: { url: string; key: string; tenantId: string }) {
  const env = appEnv({ DATABASE_URL: ctx.url, AUTH_SECRET: "bench-only-secret-0123456789abcdefghijkl", CALLBACK_RATE_LIMITS: limits });
  const app = await startApp(env, await findFreePort());
  const drain = startDrain(ctx.url, ctx.tenantId);
  try {
    await drain.ready;
    const serverPid = app.service.child.pid;
    if (!serverPid) throw new Error("the web server has no pid");
    // Warm up: compile the route, fill pools and caches, before anything counts.
    await drivePosts({ baseUrl: app.baseUrl, key: ctx.key, seconds: 2, serverPid });
    const run = await drivePosts({ baseUrl: app.baseUrl, key: ctx.key, seconds, serverPid });
    return { run, result: summarize(`POST /api/v1/callbacks, rate limits ${limits}`, [run]) };
  } finally {
    await drain.stop();
    await app.service.stop();
  }
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
    const ctx = { url: database.url, ...bench };
    const off = await runWith("off", ctx);
    const on = await runWith("on", ctx);
    report([off, on]);
  } finally {
    await server.stop();
    await removeRunDir(runDir);
  }
}

function report(runs: { run: { statuses: Record<string, number> }; result: LoadResult }[]) {
  console.log(`\n${connections} connections, ${seconds} s per run, a new destination number per request\n`);
  const columns = ["accepted/s", "p50 ms", "p95 ms", "p99 ms", "refused", "CPU ms/req"];
  console.log(`${"run".padEnd(42)}${columns.map((c) => c.padStart(12)).join("")}`);
  for (const { result: r } of runs) {
    console.log(`${r.name.padEnd(42)}${[r.requestsPerSec, r.p50Ms, r.p95Ms, r.p99Ms, r.errors, r.serverCpuMsPerRequest].map((c) => String(c).padStart(12)).join("")}`);
  }
  for (const { result, run } of runs) console.log(`  ${result.name}: answers by status ${JSON.stringify(run.statuses)}`);
  const [off, on] = [runs[0]!.result, runs[1]!.result];
  const cost = { requestsPerSecPct: round1((1 - on.requestsPerSec / off.requestsPerSec) * 100), p95Ms: round1(on.p95Ms - off.p95Ms) };
  console.log(`\nThe rate limiter costs ${cost.requestsPerSecPct}% of the accepted requests/s and ${cost.p95Ms} ms at p95.`);
  const meets = (r: LoadResult) => r.requestsPerSec >= AIM.requestsPerSec && r.p95Ms < AIM.p95Ms;
  for (const r of [off, on]) console.log(`${r.name}: ${meets(r) ? "meets" : "BELOW"} the aim (≥ ${AIM.requestsPerSec} accepted/s, p95 < ${AIM.p95Ms} ms)`);
  const failed = runs.some((r) => r.result.errors > 0);
  if (failed) console.log("Some requests were not accepted (201): see the answers by status above.");
  console.log(JSON.stringify({ bench: "callback", connections, seconds, isAsyncCommit, aim: AIM, limiterCost: cost, off: off, on: on, statuses: { off: runs[0]!.run.statuses, on: runs[1]!.run.statuses } }));
  if (failed) process.exitCode = 1;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
