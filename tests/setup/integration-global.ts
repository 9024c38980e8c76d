/**
 * Vitest globalSetup for integration tests: ONE embedded PostgreSQL per run, in a throwaway
 * folder under .test-data/, with a template database migrated once. Each test file then
 * copies the template (tests/setup/integration-db.ts), which is far cheaper than migrating
 * per file and keeps files from seeing each other's rows.
 */
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withoutExitHooks } from "../../scripts/lib/exit-hooks";
import { migrate } from "../../server/database/migrate";
import { findFreePort } from "./free-port";
import { createRunDir, removeRunDir } from "./test-data-dir";
import { databaseUrl, runOnServer } from "./test-database";

const TEMPLATE_DATABASE = "centrex_template";

export default async function setup(project: TestProject) {
  // Loaded this way so its exit hook cannot turn a failed run into exit code 0.
  const { startEmbeddedPostgres } = await withoutExitHooks(() => import("../../server/database/embedded-postgres"));
  const runDir = await createRunDir("integration");
  const logs: string[] = [];
  const server = await startEmbeddedPostgres({
    dataDir: path.join(runDir, "pg"),
    port: await findFreePort(),
    onLog: (line) => logs.push(line),
  }).catch(async (err: unknown) => {
    await removeRunDir(runDir);
    throw new Error(`Embedded PostgreSQL did not start:\n${logs.join("")}`, { cause: err });
  });

  const teardown = async () => {
    await server.stop();
    await removeRunDir(runDir);
  };

  try {
    await runOnServer(server.serverUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(TEMPLATE_DATABASE)}`));
    await migrate(databaseUrl(server.serverUrl, TEMPLATE_DATABASE));
    // Invariant: nothing connects to the template after this point. CREATE DATABASE ...
    // TEMPLATE fails while any session is connected to the source, so forbid connections
    // outright rather than debug a flaky "source database is being accessed" later.
    await runOnServer(server.serverUrl, (client) =>
      client.query(`ALTER DATABASE ${pg.escapeIdentifier(TEMPLATE_DATABASE)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
    );
  } catch (err) {
    await teardown();
    throw err;
  }

  project.provide("pgServerUrl", server.serverUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return teardown;
}
