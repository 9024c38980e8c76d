/**
 * Worker benchmark: `npm run bench:worker` (`tsx bench/worker.ts [--calls=10000] [--concurrency=200]`).
 * Embedded PostgreSQL with a seeded tenant, the ARI simulator at high speed in this process,
 * and the worker in a child process (so its memory is its own, measured after GC). Drives
 * extension calls (9 in 10 internal, 1 in 10 outbound and rated) with `concurrency` up at
 * once; a set-up is complete when caller and callee are bridged. Prints each figure beside its
 * aim, where the CPU went (worker, this process with the simulator, PostgreSQL) and database
 * transactions per call, then ONE JSON line with the same figures. BENCH_CPU_PROF=1 writes a
 * CPU profile of the worker to .test-data/prof; BENCH_HEAP_SNAPSHOT=<dir> heap snapshots.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { withoutExitHooks } from "../scripts/lib/exit-hooks";
import { migrate } from "../server/database/migrate";
import { startAriSimulator, type EmittedEvent } from "../server/telephony/simulator";
import { findFreePort } from "../tests/setup/free-port";
import { createRunDir, removeRunDir } from "../tests/setup/test-data-dir";
import { createTestDatabase } from "../tests/setup/test-database";
import { treeCpuSeconds } from "./lib/process-stats";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const TOTAL = arg("calls", 10_000);
const CONCURRENCY = arg("concurrency", 200);
const SPEED = arg("speed", 200);
const CREDENTIALS = { username: "bench", password: "bench-secret" };
/** Issue 7: what a 2-core machine must sustain with the simulator, PostgreSQL and the bench on it. */
const AIM = { setupsPerSec: 150, stranded: 0, heapGrowthMb: 5 };

function childRequest<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== (type === "stop" ? "stopped" : type === "flush" ? "flushed" : type)) return;
      child.off("message", onMessage);
      resolve(m as T);
    };
    child.on("message", onMessage);
    child.send({ type });
  });
}
type Memory = { rssMb: number; heapUsedMb: number; isAfterGc: boolean; activeCalls: number; legOwners: number };

const { startEmbeddedPostgres } = await withoutExitHooks(() => import("../server/database/embedded-postgres"));
const runDir = await createRunDir("bench-worker");
const pgServer = await startEmbeddedPostgres({ dataDir: path.join(runDir, "pg"), port: await findFreePort() });
const postmasterPid = Number((await readFile(path.join(runDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
const database = await createTestDatabase({ serverUrl: pgServer.serverUrl, prefix: "bench" });
await migrate(database.url);
process.env.DATABASE_URL = database.url;
const { db, disconnectDatabase } = await import("../server/db");
const { seedExtensions, seedTariff } = await import("../tests/fixtures/seed-telephony");
const partner = await db.partner.create({ data: { name: "Bench partner" } });
await seedTariff(partner.id, [{ prefix: "44", ratePerMinute: "0.02" }, { prefix: "447", ratePerMinute: "0.12", connectFee: "0.05" }]);
const tenant = await db.tenant.create({ data: { partnerId: partner.id, name: "Bench Ltd" } });
await db.did.create({ data: { partnerId: partner.id, tenantId: tenant.id, state: "ASSIGNED", number: "+441632960001" } });
const exts = await seedExtensions(tenant.id, CONCURRENCY * 2, { firstNumber: 2000, tag: "bench" });

const sim = await startAriSimulator({ ...CREDENTIALS, speed: SPEED, trunks: ["trunk"] });
const child = fork(path.resolve(import.meta.dirname, "lib/worker-child.ts"), {
  execArgv: ["--expose-gc", "--import", "tsx", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=.test-data/prof"] : [])],
  env: { ...process.env, ARI_URL: sim.url, ARI_USERNAME: CREDENTIALS.username, ARI_PASSWORD: CREDENTIALS.password, ARI_APP: "centrex" },
});
await new Promise<void>((resolve) => child.once("message", () => resolve()));
for (const ext of exts) sim.scenario.registerPhone({ endpoint: ext.username });
const memStart = await childRequest<Memory>(child, "memory");

const setupMs: number[] = [];
let failed = 0;
let placed = 0;
let limit = 0;
const isBridged = (callerId: string) => (e: EmittedEvent) =>
  e.type === "ChannelEnteredBridge" && ((e.bridge as { channels: string[] }).channels.length === 2) && (e.bridge as { channels: string[] }).channels.includes(callerId);

async function runSlot(slot: number): Promise<void> {
  const caller = exts[slot]!;
  while (placed < limit) {
    const n = placed++;
    const to = n % 10 === 0 ? `07700${String(900000 + (n % 99999)).slice(-6)}` : exts[slot + CONCURRENCY]!.number;
    const t0 = performance.now();
    let callerId = "";
    try {
      callerId = sim.scenario.placeExtensionCall({ fromEndpoint: caller.username, to });
      const bridged = await sim.scenario.waitFor(isBridged(callerId), 20_000);
      setupMs.push(performance.now() - t0);
      const legId = (bridged.bridge as { channels: string[] }).channels.find((c) => c !== callerId)!;
      const legGone = sim.scenario.waitFor((e) => e.type === "ChannelDestroyed" && (e.channel as { id: string }).id === legId, 20_000);
      sim.scenario.hangup(callerId);
      await legGone;
    } catch {
      failed++;
      if (callerId && sim.scenario.snapshot().channels.some((c) => c.id === callerId)) sim.scenario.hangup(callerId);
    }
  }
}

/** Runs calls until `upTo` were placed, then waits for the worker to go idle (all written). */
async function phase(upTo: number): Promise<number> {
  limit = upTo;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, slot) => runSlot(slot)));
  const seconds = (performance.now() - t0) / 1000;
  await childRequest(child, "flush");
  // Each ARI request holds an AbortSignal.timeout (10 s) until it fires: let them expire so
  // the idle heap is not inflated by the last 10 s of traffic.
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  return seconds;
}
/** CPU seconds so far: the worker child, PostgreSQL (postmaster and backends), and this process with the simulator. */
function cpuNow() {
  const all = treeCpuSeconds(process.pid);
  const worker = treeCpuSeconds(child.pid!);
  const postgres = treeCpuSeconds(postmasterPid);
  return { worker, postgres, benchAndSimulator: all - worker - postgres };
}
function cpuSince(start: ReturnType<typeof cpuNow>) {
  const now = cpuNow();
  return { worker: now.worker - start.worker, postgres: now.postgres - start.postgres, benchAndSimulator: now.benchAndSimulator - start.benchAndSimulator };
}
/** Every committed transaction in the bench database: each autocommit statement counts as one, BEGIN..COMMIT as one. */
async function committedTransactions(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`;
  return Number(row?.n ?? 0);
}

// Warm-up (JIT, caches, pools), measured idle; then the rest, measured idle again. Heap that
// grows with the number of calls shows up as a difference between these two idle points.
const warmupCalls = Math.floor(TOTAL / 10);
let elapsedSec = await phase(warmupCalls);
const memWarm = await childRequest<Memory>(child, "memory");
const cpuWarm = cpuNow();
const xactsWarm = await committedTransactions();
const measuredSec = await phase(TOTAL);
elapsedSec += measuredSec;
const cpuUsed = cpuSince(cpuWarm);
const xactsPerCall = (await committedTransactions() - xactsWarm) / (TOTAL - warmupCalls);
const deadline = Date.now() + 5000;
while (sim.scenario.snapshot().channels.length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
const stranded = sim.scenario.strandedChannels({ idleMs: 0 }).length;
const leftAlive = sim.scenario.snapshot().channels.length;
const memEnd = await childRequest<Memory>(child, "memory");
const cdrs = await db.callRecord.count();
const rated = await db.callRecord.count({ where: { direction: "OUTBOUND", cost: { not: null } } });

const sorted = [...setupMs].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const heapGrowthMb = memEnd.heapUsedMb - memWarm.heapUsedMb;
const measuredCalls = TOTAL - warmupCalls;
const round1 = (n: number) => Number(n.toFixed(1));
const cpuMsPerCall = (sec: number) => Number(((sec * 1000) / measuredCalls).toFixed(2));
const setupsPerSec = Math.round(setupMs.length / elapsedSec);
const result = {
  bench: "worker",
  calls: TOTAL,
  concurrency: CONCURRENCY,
  simulatorSpeed: SPEED,
  completedSetups: setupMs.length,
  failedSetups: failed,
  setupsPerSec,
  setupP50Ms: round1(pct(50)),
  setupP95Ms: round1(pct(95)),
  setupP99Ms: round1(pct(99)),
  strandedChannels: stranded,
  channelsLeftAlive: leftAlive,
  callRecords: cdrs,
  ratedOutbound: rated,
  dbTransactionsPerCall: Number(xactsPerCall.toFixed(2)),
  // Over the measured calls (after warm-up); 2 cores give 2000 ms of CPU per second.
  cpuMsPerCall: { worker: cpuMsPerCall(cpuUsed.worker), postgres: cpuMsPerCall(cpuUsed.postgres), benchAndSimulator: cpuMsPerCall(cpuUsed.benchAndSimulator) },
  memory: { start: memStart, afterWarmup: memWarm, end: memEnd, heapGrowthAfterWarmupMb: Number(heapGrowthMb.toFixed(2)), callsAfterWarmup: measuredCalls },
  aim: { setupsPerSec: AIM.setupsPerSec, strandedChannels: AIM.stranded, heapGrowthAfterWarmupMbBelow: AIM.heapGrowthMb },
  elapsedSec: round1(elapsedSec),
};
const mb = (m: Memory) => `${m.heapUsedMb.toFixed(1)} MB (rss ${m.rssMb.toFixed(0)} MB)`;
const cpuShare = (sec: number) => `${cpuMsPerCall(sec)} ms/call, ${Math.round((100 * sec) / measuredSec)}% of a core`;
console.log(`Worker bench: ${TOTAL} calls, ${CONCURRENCY} at once, simulator speed x${SPEED}, ${result.elapsedSec} s`);
console.log(`  set-ups/s          ${setupsPerSec} (aim ≥ ${AIM.setupsPerSec}); ${setupMs.length} completed, ${failed} failed`);
console.log(`  set-up time        p50 ${result.setupP50Ms} ms, p95 ${result.setupP95Ms} ms, p99 ${result.setupP99Ms} ms`);
console.log(`  stranded channels  ${stranded} (aim ${AIM.stranded}); channels left alive: ${leftAlive}`);
console.log(`  worker heap        start ${mb(memStart)}, after ${warmupCalls} warm-up calls ${mb(memWarm)}, end ${mb(memEnd)}`);
console.log(`                     growth over the last ${measuredCalls} calls ${result.memory.heapGrowthAfterWarmupMb} MB (aim flat: < ${AIM.heapGrowthMb} MB); live calls ${memEnd.activeCalls}, legs ${memEnd.legOwners}`);
console.log(`  call records       ${cdrs} (${rated} outbound rated); database transactions per call ${result.dbTransactionsPerCall}`);
console.log(`  CPU                worker ${cpuShare(cpuUsed.worker)}; PostgreSQL ${cpuShare(cpuUsed.postgres)}; bench + simulator ${cpuShare(cpuUsed.benchAndSimulator)}`);
console.log(JSON.stringify(result));

await childRequest(child, "stop");
await sim.close();
await disconnectDatabase();
await pgServer.stop();
await removeRunDir(runDir);
// Fails the run on stranded channels, failed set-ups, or heap growth beyond noise. The rate is
// reported, not enforced: it depends on what else the machine is doing.
process.exitCode = stranded === AIM.stranded && leftAlive === 0 && failed === 0 && heapGrowthMb < AIM.heapGrowthMb ? 0 : 1;
