/**
 * Starts the real app for a benchmark: a seeded embedded PostgreSQL in .test-data/ and
 * `next build` served by scripts/web-server.ts (BENCH_SKIP_BUILD=1 reuses an existing .next build).
 */
import path from "node:path";
import { withoutExitHooks } from "../../scripts/lib/exit-hooks";
import { signInCookie as signInWith } from "../../tests/fixtures/auth-http";
import { migrate } from "../../server/database/migrate";
import { appEnv, buildApp, startApp } from "../../tests/setup/e2e-server";
import { findFreePort } from "../../tests/setup/free-port";
import { createRunDir, removeRunDir } from "../../tests/setup/test-data-dir";
import { createTestDatabase } from "../../tests/setup/test-database";

export async function startAppUnderTest() {
  const { startEmbeddedPostgres } = await withoutExitHooks(() => import("../../server/database/embedded-postgres"));
  const runDir = await createRunDir("bench");
  const server = await startEmbeddedPostgres({ dataDir: path.join(runDir, "pg"), port: await findFreePort() });
  const database = await createTestDatabase({ serverUrl: server.serverUrl, prefix: "bench" });
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  const { seedDemoOnce } = await import("../../prisma/seed");
  await seedDemoOnce();
  const { disconnectDatabase } = await import("../../server/db");
  await disconnectDatabase();

  const env = appEnv({ DATABASE_URL: database.url, AUTH_SECRET: "bench-only-secret-0123456789abcdefghijkl" });
  if (process.env.BENCH_SKIP_BUILD === "1") process.env.E2E_SKIP_BUILD = "1";
  await buildApp(env);
  const app = await startApp(env, await findFreePort());
  return {
    baseUrl: app.baseUrl,
    /** The web server's launcher (tsx); the server itself is a child of it (see process-stats.ts). */
    webPid: app.service.child.pid,
    async stop() {
      await app.service.stop();
      await server.stop();
      await removeRunDir(runDir);
    },
  };
}

/** Signs in through Auth.js's real credentials endpoint and returns the Cookie header. */
export function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  return signInWith((path, init) => fetch(`${baseUrl}${path}`, { ...init, redirect: "manual" }), email, password);
}
