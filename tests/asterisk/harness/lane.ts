/**
 * Test support for the Asterisk lane: ONE call brings up a whole PBX on loopback, the way
 * production runs it: an embedded PostgreSQL with a migrated, demo-seeded database (known SIP
 * secrets), the shipped Asterisk configuration rendered on free ports, a real Asterisk, an ARI
 * event recorder, a carrier pjsua the trunk points at, and the real worker. teardown() stops all
 * of it in reverse order and saves every log to .test-data/asterisk-lane-logs/<label>/; the
 * child processes are also SIGKILLed if the test process dies first.
 *
 *   const lane = await startLane({ label: "calls" });
 *   const alice = await lane.startPhone("201");
 */
import { mkdir, rm, writeFile, copyFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { withoutExitHooks } from "../../../scripts/lib/exit-hooks";
import { ensurePrismaClient } from "../../../scripts/lib/prisma-client";
import { migrate } from "../../../server/database/migrate";
import type { Db } from "@/server/db";
import { findFreePort } from "../../setup/free-port";
import { assertLocalDatabaseUrl } from "../../setup/local-database-guard";
import { createRunDir, removeRunDir, TEST_DATA_ROOT } from "../../setup/test-data-dir";
import { createTestDatabase } from "../../setup/test-database";
import { AriEventRecorder, AriRest } from "./ari";
import { AsteriskProcess } from "./asterisk";
import { setKnownSipSecrets, type DemoAccount } from "./demo-accounts";
import { plainDemoRouting } from "./plain-routing";
import { laneBinaries } from "./binaries";
import { findFreeUdpRange } from "./ports";
import { Phone, type PhoneOptions } from "./pjsua";
import { renderLaneConfig, type LaneConfig } from "./render";
import { WorkerProcess } from "./worker-process";

export const LANE_LOGS_DIR = path.join(TEST_DATA_ROOT, "asterisk-lane-logs");
const ARI_APP = "centrex";

export interface LaneOptions {
  /** Names the log folder; use the test file's topic. */
  label: string;
  /** How the carrier answers calls Asterisk sends it (default 200). */
  carrierAutoAnswer?: number;
  /** false: bring up everything but the worker. */
  startWorker?: boolean;
  /** More environment for the worker process (e.g. its MEDIA_DIR). */
  workerEnv?: Record<string, string>;
}

export interface Lane {
  config: LaneConfig;
  databaseUrl: string;
  db: Db;
  accounts: DemoAccount[];
  asterisk: AsteriskProcess;
  worker: WorkerProcess;
  ari: AriRest;
  /** Every channel, bridge and contact event (subscribeAll); no EndpointStateChange. */
  events: AriEventRecorder;
  /** What an app subscribed to `endpoint:PJSIP` gets, as the worker is: EndpointStateChange included. */
  endpointEvents: AriEventRecorder;
  carrier: Phone;
  /** The demo account of extension `number` (Acme Ltd unless another tenant is named). */
  account(number: string, tenantName?: string): DemoAccount;
  /** `sip:<user>@127.0.0.1:<Asterisk's SIP port>`. */
  sipUri(user: string): string;
  /** A registered phone for a demo extension; stopped by teardown(). Resolves once registered. */
  startPhone(number: string, options?: Partial<PhoneOptions> & { tenantName?: string }): Promise<Phone>;
  teardown(): Promise<void>;
}

/** Stops PostgreSQL synchronously if the test process exits before teardown (a crash). */
function killPostmasterOnExit(dataDir: string): () => void {
  const onExit = () => {
    try {
      const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid) process.kill(pid, "SIGQUIT");
    } catch {
      // No pid file: it is not running.
    }
  };
  process.on("exit", onExit);
  return () => process.off("exit", onExit);
}

export async function startLane(options: LaneOptions): Promise<Lane> {
  const bins = laneBinaries();
  if (!bins.ok) throw new Error(bins.reason);
  const runDir = await createRunDir("asterisk");
  const cleanups: Array<{ what: string; run: () => Promise<unknown> }> = [];
  const phones: Phone[] = [];
  let isTornDown = false;

  const saveLogs = async (lane: Partial<Lane>) => {
    const dir = path.join(LANE_LOGS_DIR, options.label);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    if (lane.config) await copyFile(path.join(lane.config.logDir, "messages.log"), path.join(dir, "asterisk-messages.log")).catch(() => undefined);
    if (lane.worker) await writeFile(path.join(dir, "worker.log"), lane.worker.lines.map((l) => JSON.stringify(l)).join("\n"));
    if (lane.events) await writeFile(path.join(dir, "ari-events.jsonl"), lane.events.events.map((e) => JSON.stringify(e)).join("\n"));
    if (lane.endpointEvents) await writeFile(path.join(dir, "ari-endpoint-events.jsonl"), lane.endpointEvents.events.map((e) => JSON.stringify(e)).join("\n"));
    for (const phone of [...(lane.carrier ? [lane.carrier] : []), ...phones]) await writeFile(path.join(dir, `pjsua-${phone.options.name}.log`), phone.output.text());
  };
  const partial: Partial<Lane> = {};
  const teardown = async () => {
    if (isTornDown) return;
    isTornDown = true;
    await saveLogs(partial).catch((err: unknown) => console.warn(`[asterisk lane] saving logs failed: ${String(err)}`));
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup.run().catch((err: unknown) => console.warn(`[asterisk lane] ${cleanup.what} failed: ${String(err)}`));
    }
    await removeRunDir(runDir);
  };

  try {
    const { startEmbeddedPostgres } = await withoutExitHooks(() => import("../../../server/database/embedded-postgres"));
    const pgDir = path.join(runDir, "pg");
    const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: await findFreePort() });
    const forgetPostmaster = killPostmasterOnExit(pgDir);
    cleanups.push({ what: "stopping PostgreSQL", run: async () => (await pg.stop(), forgetPostmaster()) });
    const database = await createTestDatabase({ serverUrl: pg.serverUrl, prefix: "lane" });
    assertLocalDatabaseUrl(database.url);
    await migrate(database.url);
    if ((await ensurePrismaClient({ databaseUrl: database.url })) !== 0) throw new Error("prisma generate failed.");

    // server/db.ts reads DATABASE_URL at first import: set it before anything imports it.
    process.env.DATABASE_URL = database.url;
    const { seedDemoOnce } = await import("../../../prisma/seed");
    await seedDemoOnce();
    const { db, disconnectDatabase } = await import("@/server/db");
    cleanups.push({ what: "closing the database connections", run: () => disconnectDatabase() });
    const accounts = await setKnownSipSecrets(db);
    await plainDemoRouting(db);

    const carrierPort = await findFreeUdpRange(1);
    const pgUrl = new URL(database.url);
    const config = await renderLaneConfig({
      dir: runDir,
      asteriskBin: bins.asterisk,
      ari: { username: "lane", password: randomBytes(18).toString("base64url"), app: ARI_APP },
      trunk: { host: `127.0.0.1:${carrierPort}`, match: "127.0.0.1" },
      pg: { host: pgUrl.hostname, port: Number(pgUrl.port), database: database.name, user: decodeURIComponent(pgUrl.username), password: decodeURIComponent(pgUrl.password) },
    });
    partial.config = config;

    const carrier = await Phone.start({ bin: bins.pjsua, name: "carrier", sipPort: config.ports.sip, localPort: carrierPort, autoAnswer: options.carrierAutoAnswer ?? 200 });
    partial.carrier = carrier;
    cleanups.push({ what: "stopping the carrier", run: () => carrier.kill() });

    const asterisk = new AsteriskProcess(bins.asterisk, config);
    cleanups.push({ what: "stopping Asterisk", run: async () => (await asterisk.stop().catch(() => undefined), await asterisk.kill()) });
    await asterisk.start();
    partial.asterisk = asterisk;

    const ari = new AriRest(config.ari.url, config.ari.username, config.ari.password);
    const { url, username, password } = config.ari;
    const events = new AriEventRecorder(url, username, password);
    const endpointEvents = new AriEventRecorder(url, username, password, "lane-endpoints", { subscribeAll: false, eventSources: ["endpoint:PJSIP"] });
    await Promise.all([events.start(), endpointEvents.start()]);
    Object.assign(partial, { events, endpointEvents });
    cleanups.push({ what: "closing the ARI recorders", run: async () => (events.close(), endpointEvents.close()) });

    const worker = new WorkerProcess({ databaseUrl: database.url, ari: config.ari, ...(options.workerEnv ? { env: options.workerEnv } : {}) });
    partial.worker = worker;
    cleanups.push({ what: "stopping the worker", run: () => worker.stop() });
    if (options.startWorker !== false) await worker.start();
    cleanups.push({ what: "stopping phones", run: () => Promise.all(phones.map((p) => p.kill())) });

    const account = (number: string, tenantName = "Acme Ltd") => {
      const found = accounts.find((a) => a.number === number && a.tenantName === tenantName);
      if (!found) throw new Error(`no demo account ${number} in ${tenantName}`);
      return found;
    };
    const lane: Lane = {
      config,
      databaseUrl: database.url,
      db,
      accounts,
      asterisk,
      worker,
      ari,
      events,
      endpointEvents,
      carrier,
      account,
      sipUri: (user) => `sip:${user}@127.0.0.1:${config.ports.sip}`,
      async startPhone(number, phoneOptions = {}) {
        const { tenantName, ...rest } = phoneOptions;
        const demo = account(number, tenantName);
        const phone = await Phone.start({
          bin: bins.pjsua,
          name: `${number}-${demo.tenantName.split(" ")[0]?.toLowerCase()}`,
          sipPort: config.ports.sip,
          account: { username: demo.username, password: demo.secret, realm: demo.realm },
          ...rest,
        });
        phones.push(phone);
        await phone.waitForRegistered();
        return phone;
      },
      teardown,
    };
    Object.assign(partial, lane);
    return lane;
  } catch (err) {
    await teardown();
    throw err;
  }
}
