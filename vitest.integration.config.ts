import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests: real PostgreSQL (one embedded server per run, a fresh database per file).
// See docs/testing.md.
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }] },
  test: {
    environment: "node",
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    include: ["**/*.integration.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".data/**", ".test-data/**"],
    globalSetup: ["tests/setup/integration-global.ts"],
    setupFiles: ["tests/setup/integration-db.ts"],
    // Forks with isolation: every file starts with a clean process.env and module graph, so
    // the Prisma client cached on globalThis (server/db.ts) belongs to that file's database.
    pool: "forks",
    isolate: true,
    // Two cores here; more workers only add PostgreSQL contention.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
