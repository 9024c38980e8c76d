import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end tests: Chromium against `next build` served by scripts/web-server.ts on a seeded embedded
// PostgreSQL. See docs/testing.md.
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }] },
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/setup/e2e-global.ts"],
    pool: "forks",
    // One server and one seeded database are shared: files run one after another so a flow
    // never sees another flow's half-made changes.
    fileParallelism: false,
    // The global setup may run `next build` (minutes on two cores).
    hookTimeout: 600_000,
    testTimeout: 60_000,
  },
});
