/**
 * Presence benchmark: `npm run bench:presence` (`tsx bench/presence.ts [--clients=200]
 * [--extensions=500] [--events=200] [--interval=50]`). The real app (scripts/web-server.ts, seeded
 * embedded PostgreSQL) with `extensions` more extensions for Acme, the ARI simulator and the
 * real worker; `clients` SSE streams of Acme's admin. Half the phones register first; then
 * `events` phones, `interval` ms apart, alternately register (a fresh phone) and un-register
 * (a registered one). Latency = simulator call to the frame's arrival, per (event, client).
 * Prints text, then ONE JSON line. BENCH_SKIP_BUILD=1 reuses .next.
 */
import { availableParallelism } from "node:os";
import { startAriSimulator } from "../server/telephony/simulator";
import { signInCookie, startAppUnderTest } from "./lib/app-under-test";
import { countDelivered, summarise, type FiredEvent } from "./lib/deliveries";
import { treeCpuSeconds, treeRss, type TreeRss } from "./lib/process-stats";
import { openSseClient, type SseClient } from "./lib/sse-client";
import { startWorkerProcess } from "./lib/worker-process";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CLIENTS = arg("clients", 200);
const EXTENSIONS = arg("extensions", 500);
const EVENTS = arg("events", 200);
const INTERVAL_MS = arg("interval", 50);
const TARGET_P95_MS = 500;
/** How long after the last event a frame may still arrive; later ones count as missing. */
const DRAIN_MS = 30_000;
const TIME_LIMIT_MS = 150_000;
const ARI = { username: "bench", password: "bench-secret" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shuffled = <T>(items: T[]) => items.map((item) => ({ item, key: Math.random() })).sort((a, b) => a.key - b.key).map((x) => x.item);
const cleanups: (() => Promise<unknown> | void)[] = [];

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function main() {
  // Each account is fired at most once, so a frame is matched to its event without ambiguity.
  if (EVENTS > EXTENSIONS) throw new Error("--events must not exceed --extensions");
  console.log("Starting the app (scripts/web-server.ts, seeded embedded PostgreSQL)…");
  const app = await startAppUnderTest();
  cleanups.push(() => app.stop());
  armTimeLimit(); // from here on: a cold `next build` alone can take minutes
  if (!app.webPid) throw new Error("the web server has no pid");
  const { db, disconnectDatabase } = await import("../server/db"); // after startAppUnderTest set DATABASE_URL
  cleanups.push(() => disconnectDatabase());
  const { seedExtensions } = await import("../tests/fixtures/seed-telephony");
  const acme = await db.tenant.findFirstOrThrow({ where: { name: "Acme Ltd" } });
  const exts = await seedExtensions(acme.id, EXTENSIONS, { firstNumber: 1000, tag: "bench" });

  const sim = await startAriSimulator({ ...ARI, speed: 50, trunks: ["trunk"] });
  cleanups.push(() => sim.close());
  const worker = await startWorkerProcess({ url: sim.url, ...ARI });
  cleanups.push(() => worker.stop());

  const [registered, fresh] = [shuffled(exts.slice(0, EXTENSIONS / 2)), shuffled(exts.slice(EXTENSIONS / 2))];
  for (const ext of registered) sim.scenario.registerPhone({ endpoint: ext.username });
  const registeredIds = registered.map((e) => e.sipAccountId);
  const countRegistered = () => db.registration.count({ where: { sipAccountId: { in: registeredIds }, state: "REGISTERED" } });
  await until("the first half of the phones to register", async () => (await countRegistered()) === registered.length, 30_000);
  const idleRss = treeRss(app.webPid);

  const cookie = await signInCookie(app.baseUrl, "alice@acme.example", "Centrex-demo-1");
  const connectStart = performance.now();
  const clients: SseClient[] = Array.from({ length: CLIENTS }, () => openSseClient(`${app.baseUrl}/api/events`, cookie));
  cleanups.push(() => clients.forEach((c) => c.close()));
  await Promise.all(clients.map((c) => c.connected));
  const connectMs = performance.now() - connectStart;
  await sleep(1000); // let late frames of the first registrations pass before measuring
  const startRss = treeRss(app.webPid);

  const fired: FiredEvent[] = [];
  const cpuBefore = treeCpuSeconds(app.webPid);
  const firstAt = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    // An absolute schedule: a slow tick does not push every later event back.
    await sleep(firstAt + i * INTERVAL_MS - performance.now());
    const isRegister = i % 2 === 0;
    const ext = (isRegister ? fresh : registered)[Math.floor(i / 2)]!;
    const t0 = performance.now();
    if (isRegister) sim.scenario.registerPhone({ endpoint: ext.username });
    else sim.scenario.unregisterPhone(ext.username);
    fired.push({ sipAccountId: ext.sipAccountId, state: isRegister ? "REGISTERED" : "UNREGISTERED", t0 });
  }
  const arrivals = clients.map((c) => c.arrivals);
  await until("every delivery", () => countDelivered(arrivals, fired) === CLIENTS * EVENTS, DRAIN_MS).catch(() => undefined);
  // Web CPU over the measured window, in cores: near the machine's core count means saturated.
  const webCpuCores = (treeCpuSeconds(app.webPid) - cpuBefore) / ((performance.now() - firstAt) / 1000);
  report({ summary: summarise(arrivals, fired), clients, connectMs, webCpuCores, idleRss, startRss, endRss: treeRss(app.webPid) });
}

function report(r: { summary: ReturnType<typeof summarise>; clients: SseClient[]; connectMs: number; webCpuCores: number; idleRss: TreeRss; startRss: TreeRss; endRss: TreeRss }) {
  const { summary: s } = r;
  const dropped = r.clients.filter((c) => c.hasDropped()).length;
  const otherEvents = r.clients.reduce((n, c) => n + c.otherEvents.length, 0);
  const isTargetMet = s.missing === 0 && s.p95Ms < TARGET_P95_MS;
  const procs = (m: TreeRss) => m.processes.map((p) => `${p.name} ${p.rssMb}`).join(", ");
  console.log(`\nPresence bench: ${CLIENTS} SSE clients, tenant with ${EXTENSIONS} bench extensions, ${EVENTS} events ${INTERVAL_MS} ms apart`);
  console.log(`  clients connected in ${r.connectMs.toFixed(0)} ms; dropped streams: ${dropped}; resync/other frames: ${otherEvents}`);
  console.log(`  deliveries: ${s.delivered} of ${s.expected} expected (${s.missing} missing: not arrived ${DRAIN_MS / 1000} s after the last event)`);
  console.log(`  simulator event -> SSE client: p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms`);
  console.log(`  target p95 < ${TARGET_P95_MS} ms with nothing missing: ${isTargetMet ? "met" : "NOT met"}`);
  console.log(`  web process CPU while measuring: ${r.webCpuCores.toFixed(2)} cores of ${availableParallelism()}`);
  console.log(`  web process RSS (MB): idle ${r.idleRss.totalMb}; with clients ${r.startRss.totalMb}; end ${r.endRss.totalMb} [${procs(r.endRss)}]`);
  const rss = (m: TreeRss) => ({ totalMb: m.totalMb, processes: m.processes });
  console.log(
    JSON.stringify({
      bench: "presence",
      clients: CLIENTS,
      extensions: EXTENSIONS,
      events: EVENTS,
      intervalMs: INTERVAL_MS,
      connectMs: Math.round(r.connectMs),
      droppedClients: dropped,
      webCpuCores: Number(r.webCpuCores.toFixed(2)),
      cores: availableParallelism(),
      otherFrames: otherEvents,
      ...s,
      targetP95Ms: TARGET_P95_MS,
      isTargetMet,
      webRss: { idle: rss(r.idleRss), start: rss(r.startRss), end: rss(r.endRss) },
    }),
  );
  // Missing deliveries or dropped streams make the figures meaningless: fail the run.
  process.exitCode = s.missing === 0 && dropped === 0 ? 0 : 1;
}

/** Runs once even when the time limit and main() race to it. */
async function cleanUp() {
  for (const step of cleanups.splice(0).reverse()) await Promise.resolve(step()).catch((err: unknown) => console.error("cleanup:", err));
}

let limit: NodeJS.Timeout | undefined;
/** Bounded: a hang anywhere (provisioning, a stuck stream) still cleans up and exits. */
function armTimeLimit() {
  limit = setTimeout(() => {
    console.error(`presence bench: time limit of ${TIME_LIMIT_MS / 1000} s reached`);
    void cleanUp().finally(() => process.exit(1));
  }, TIME_LIMIT_MS);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    clearTimeout(limit);
  });
