/**
 * The worker under benchmark, in its own process so its memory is measured alone (the
 * simulator and the load driver live in the parent). Started with --expose-gc; answers
 * `{ type: "memory" }` with heap after a full GC (and, with BENCH_HEAP_SNAPSHOT=<dir>, writes a
 * heap snapshot there to compare), and `{ type: "stop" }` with a clean stop.
 */
import path from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { db, disconnectDatabase } from "../../server/db";
import { createLogger } from "../../server/telephony/log";
import { startWorker } from "../../server/telephony/start-worker";

const env = process.env;
const send = (message: unknown) => process.send?.(message);

async function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Two passes: the first may only schedule finalisers.
  gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  gc?.();
  const m = process.memoryUsage();
  if (env.BENCH_HEAP_SNAPSHOT) writeHeapSnapshot(path.join(env.BENCH_HEAP_SNAPSHOT, `worker-${Date.now()}.heapsnapshot`));
  return { rssMb: m.rss / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20, isAfterGc: gc !== undefined };
}

const worker = await startWorker({
  db,
  databaseUrl: env.DATABASE_URL ?? "",
  ari: { url: env.ARI_URL ?? "", username: env.ARI_USERNAME ?? "", password: env.ARI_PASSWORD ?? "", app: env.ARI_APP ?? "centrex", reconnectMaxSeconds: 1 },
  trunk: "trunk",
  healthPort: null,
  // Warnings and errors only: a line per call would measure the terminal, not the worker.
  log: createLogger({ level: "warn", write: (line) => process.stderr.write(`${line}\n`) }),
  drainTimeoutMs: 2000,
});
await worker.ready;

process.on("message", (message: { type: string }) => {
  void (async () => {
    if (message.type === "memory") send({ type: "memory", ...(await memory()), activeCalls: worker.registry.activeCalls, legOwners: worker.registry.legOwners.size });
    if (message.type === "flush") {
      await worker.flush();
      send({ type: "flushed" });
    }
    if (message.type === "stop") {
      await worker.stop();
      await disconnectDatabase();
      send({ type: "stopped" });
      process.exit(0);
    }
  })();
});
send({ type: "ready" });
