/**
 * The telephony worker process: `tsx server/telephony/worker.ts`.
 * With ARI_URL empty it starts the ARI simulator in-process and registers a simulated phone
 * for every SIP account after each provisioning push, full or for one account, so the demo
 * shows live registrations.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { db, disconnectDatabase } from "@/server/db";
import { telephonyEnv } from "./env";
import { createLogger } from "./log";
import { startAriSimulator, type AriSimulator } from "./simulator";
import { startWorker } from "./start-worker";
import { startDemoTraffic, type DemoTargets } from "./demo-traffic";
import { scheduleNumberReconciler, scheduleRecurringCharges } from "./billing-schedule";
import { registerDemoPhones } from "./demo-phones";
import { createMediaStores } from "@/server/media/storage/create-media-store";
import { createPromptFiles } from "@/server/media/storage/prompt-files";
import { scheduleRecordingRetention, scheduleRefusalRetention } from "./retention-schedule";

/** Every tenant's provisioned phones (endpoint + extension number) and DIDs, for demo calls. */
async function loadDemoTargets(): Promise<DemoTargets> {
  const tenants = await db.tenant.findMany({
    where: { status: "ACTIVE" },
    select: {
      dids: { select: { number: true } },
      extensions: { where: { sipAccountId: { not: null } }, select: { number: true, sipAccount: { select: { username: true } } } },
    },
  });
  return {
    tenants: tenants.map((t) => ({
      dids: t.dids.map((d) => d.number),
      phones: t.extensions.flatMap((e) => (e.sipAccount ? [{ endpoint: e.sipAccount.username, number: e.number }] : [])),
    })),
  };
}

export async function main(): Promise<void> {
  const env = telephonyEnv();
  const log = createLogger({ fields: { service: "worker" } });
  let sim: AriSimulator | null = null;
  if (!env.ARI_URL) {
    sim = await startAriSimulator({
      port: env.SIMULATOR_PORT,
      username: env.ARI_USERNAME,
      password: env.ARI_PASSWORD,
      app: env.ARI_APP,
      speed: env.SIMULATOR_SPEED,
      trunks: [env.ARI_TRUNK],
    });
    log.info("ARI simulator started in-process (ARI_URL is empty)", { url: sim.url });
  }
  const simulator = sim;
  const media = createMediaStores(env);
  const worker = await startWorker({
    db,
    databaseUrl: env.DATABASE_URL,
    ari: { url: env.ARI_URL ?? simulator?.url ?? "", username: env.ARI_USERNAME, password: env.ARI_PASSWORD, app: env.ARI_APP, reconnectMaxSeconds: env.ARI_RECONNECT_MAX_SECONDS },
    trunk: env.ARI_TRUNK,
    healthPort: env.WORKER_HEALTH_PORT,
    ...(env.WORKER_NODE_ID ? { callbacks: { nodeId: env.WORKER_NODE_ID } } : {}),
    log,
    mediaStore: media.store,
    mediaDir: path.resolve(env.MEDIA_DIR),
    ...(media.store === media.local ? {} : { ensurePromptFile: createPromptFiles(media.store, media.local) }),
    ...(simulator
      ? {
          afterProvisioning: async (changed?: string) => {
            const count = await registerDemoPhones(simulator, changed);
            if (count > 0) log.info("demo phones registered", { count });
          },
        }
      : {}),
  });
  log.info("worker started", { healthPort: worker.health?.port });
  const billing = scheduleRecurringCharges(log);
  const numberOrders = scheduleNumberReconciler(log);
  const retention = scheduleRecordingRetention(log, media.store);
  const refusalRetention = scheduleRefusalRetention(log);
  const traffic = simulator && env.DEMO_TRAFFIC === "on" ? startDemoTraffic({ sim: simulator, loadTargets: loadDemoTargets, log }) : null;

  let isStopping = false;
  const shutdown = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info("shutting down", { signal });
    void (async () => {
      traffic?.stop();
      billing.stop();
      numberOrders.stop();
      retention.stop();
      refusalRetention.stop();
      await worker.stop();
      await simulator?.close();
      await disconnectDatabase();
      log.info("worker stopped");
      process.exit(0);
    })().catch((err: unknown) => {
      log.error("shutdown failed", { err });
      process.exit(1);
    });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
