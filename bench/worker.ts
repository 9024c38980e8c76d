/**
 * Worker benchmark: `npm run bench:worker` (`tsx bench/worker.ts [--calls=10000] [--concurrency=200]`).
 * Embedded PostgreSQL with a seeded tenant, the ARI simulator at high speed in this process,
 * and the worker in a child process (so its memory is its own, measured after GC). Drives
 * extension calls (9 in 10 internal, 1 in 10 outbound and rated) with `concurrency` up at
 * once; a set-up is complete when caller and callee are bridged. Prints text, then ONE JSON line.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { withoutExitHooks } from "../scripts/lib/exit-hooks";
import { migrate } from "../server/database/migrate";
import { startAriSimulator, type EmittedEvent } from "../server/telephony/simulator";
import { findFreePort } from "../tests/setup/free-port";
import { createRunDir, removeRunDir } from "../tests/setup/test-data-dir";
import { createTestDatabase } from "../tests/setup/test-database";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const TOTAL = arg("calls", 10_000);
const CONCURRENCY = arg("concurrency", 200);
const SPEED = arg("speed", 200);
const CREDENTIALS = { username: "bench", password: "bench-secret" };

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
const database = await createTestDatabase({ serverUrl: pgServer.serverUrl, prefix: "bench" });
await migrate(database.url);
process.env.DATABASE_URL = database.url;
const { db } = await import("../server/db");
const { seedExtensions, seedTariff } = await import("../tests/fixtures/seed-telephony");
const partner = await db.partner.create({ data: { name: "Bench partner" } });
await seedTariff(partner.id, [{ prefix: "44", ratePerMinute: "0.02" }, { prefix: "447", ratePerMinute: "0.12", connectFee: "0.05" }]);
const tenant = await db.tenant.create({ data: { partnerId: partner.id, name: "Bench Ltd" } });
await db.did.create({ data: { tenantId: tenant.id, number: "+441632960001" } });
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
// Warm-up (JIT, caches, pools), measured idle; then the rest, measured idle again. Heap that
// grows with the number of calls shows up as a difference between these two idle points.
const warmupCalls = Math.floor(TOTAL / 10);
let elapsedSec = await phase(warmupCalls);
const memWarm = await childRequest<Memory>(child, "memory");
elapsedSec += await phase(TOTAL);
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
const result = {
  bench: "worker",
  calls: TOTAL,
  concurrency: CONCURRENCY,
  simulatorSpeed: SPEED,
  completedSetups: setupMs.length,
  failedSetups: failed,
  setupsPerSec: Math.round(setupMs.length / elapsedSec),
  setupP50Ms: Number(pct(50).toFixed(1)),
  setupP99Ms: Number(pct(99).toFixed(1)),
  strandedChannels: stranded,
  channelsLeftAlive: leftAlive,
  callRecords: cdrs,
  ratedOutbound: rated,
  memory: { start: memStart, afterWarmup: memWarm, end: memEnd, heapGrowthAfterWarmupMb: Number(heapGrowthMb.toFixed(2)), callsAfterWarmup: TOTAL - warmupCalls },
  elapsedSec: Number(elapsedSec.toFixed(1)),
};
const mb = (m: Memory) => `heap ${m.heapUsedMb.toFixed(1)} MB, rss ${m.rssMb.toFixed(1)} MB`;
console.log(`Worker bench: ${TOTAL} calls, ${CONCURRENCY} at once, simulator speed x${SPEED}`);
console.log(`  completed set-ups: ${setupMs.length} (${failed} failed) in ${result.elapsedSec} s = ${result.setupsPerSec}/s; p50 ${result.setupP50Ms} ms, p99 ${result.setupP99Ms} ms`);
console.log(`  stranded channels: ${stranded} (must be 0); channels left alive: ${leftAlive}`);
console.log(`  call records: ${cdrs} (${rated} outbound rated)`);
console.log(`  worker memory after GC, idle: start ${mb(memStart)}; after ${warmupCalls} warm-up calls ${mb(memWarm)}; end ${mb(memEnd)}`);
console.log(`  heap growth over the last ${TOTAL - warmupCalls} calls: ${result.memory.heapGrowthAfterWarmupMb} MB; live call state at end: ${memEnd.activeCalls} calls, ${memEnd.legOwners} legs`);
console.log(JSON.stringify(result));

await childRequest(child, "stop");
await sim.close();
await db.$disconnect();
await pgServer.stop();
await removeRunDir(runDir);
// Fails the run on stranded channels, failed set-ups, or heap growth beyond noise (5 MB).
process.exitCode = stranded === 0 && leftAlive === 0 && failed === 0 && heapGrowthMb < 5 ? 0 : 1;
