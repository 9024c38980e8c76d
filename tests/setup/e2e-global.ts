/**
 * Vitest globalSetup for end-to-end tests: a seeded embedded PostgreSQL under .test-data/,
 * the app built and served by scripts/web-server.ts (as `npm start` serves it) against it, and the telephony worker with its
 * in-process ARI simulator, all torn down at the end.
 * Test files get `baseUrl` and `databaseUrl` through inject().
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { withoutExitHooks } from "../../scripts/lib/exit-hooks";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import { migrate } from "../../server/database/migrate";
import { REPO_ROOT } from "../../scripts/lib/child-processes";
import { appEnv, ARTIFACTS_DIR, buildApp, E2E_SIP, startApp, startWorker } from "./e2e-server";
import { assertNoDisconnectErrors, assertNoPasswordsLogged } from "./secrets-in-logs";
import { findFreePort } from "./free-port";
import { assertLocalDatabaseUrl } from "./local-database-guard";
import { createRunDir, removeRunDir } from "./test-data-dir";
import { createTestDatabase } from "./test-database";

// Fixed and fake: sessions only need to survive this one run.
const E2E_AUTH_SECRET = "e2e-tests-only-secret-0123456789abcdefghij";

export default async function setup(project: TestProject) {
  // Seeding and flows write to the database: never let a stray DATABASE_URL aim them elsewhere.
  if (process.env.DATABASE_URL) assertLocalDatabaseUrl(process.env.DATABASE_URL);

  const { startEmbeddedPostgres } = await withoutExitHooks(() => import("../../server/database/embedded-postgres"));
  const runDir = await createRunDir("e2e");
  const cleanups: Array<() => Promise<unknown>> = [() => removeRunDir(runDir)];
  const teardown = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(runDir, "pg"), port: await findFreePort() });
    cleanups.push(() => server.stop());
    const database = await createTestDatabase({ serverUrl: server.serverUrl, prefix: "e2e" });
    assertLocalDatabaseUrl(database.url);
    await migrate(database.url);

    if ((await ensurePrismaClient({ databaseUrl: database.url })) !== 0) throw new Error("prisma generate failed.");
    await seed(database.url);

    const env = appEnv({ DATABASE_URL: database.url, AUTH_SECRET: E2E_AUTH_SECRET, ...E2E_SIP });
    await buildApp(env);
    const app = await startApp(env, await findFreePort());
    cleanups.push(() => app.service.stop());

    const worker = await startWorker(env, { simulator: await findFreePort(), health: await findFreePort() });
    cleanups.push(() => worker.service.stop());

    // Last to run at teardown (cleanups run in reverse), once both processes have stopped and
    // everything else is cleaned up. Vitest only logs an error thrown by a teardown and still
    // exits 0, so a finding sets the exit code itself.
    cleanups.unshift(async () => {
      const logs = [path.join(ARTIFACTS_DIR, "web-server.log"), path.join(ARTIFACTS_DIR, "worker.log")];
      const report = (err: unknown) => {
        console.error(`[e2e] ${(err as Error).message}`);
        process.exitCode = 1;
      };
      await assertNoPasswordsLogged(path.join(REPO_ROOT, "tests/e2e"), logs).catch(report);
      await assertNoDisconnectErrors(logs[0]!).catch(report);
    });
    project.provide("baseUrl", app.baseUrl);
    project.provide("databaseUrl", database.url);
    project.provide("simulatorUrl", worker.simulatorUrl);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

/** The demo seed, the same data a newcomer gets from `npm start` (and the README's logins). */
async function seed(databaseUrl: string) {
  // server/db.ts reads DATABASE_URL when first imported, so set it before importing the seed.
  process.env.DATABASE_URL = databaseUrl;
  const { seedDemoOnce } = await import("../../prisma/seed");
  console.log(`[e2e] ${await seedDemoOnce()}`);
  // Close the seed's pool so the global teardown can stop PostgreSQL without errors.
  const { disconnectDatabase } = await import("../../server/db");
  await disconnectDatabase();
}
