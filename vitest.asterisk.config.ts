import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The Asterisk lane: a real Asterisk, pjsua phones and the worker (tests/asterisk/README.md).
// Run through `npm run test:asterisk`, which skips the lane when the binaries are missing.
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }] },
  test: {
    environment: "node",
    include: ["tests/asterisk/**/*.asterisk.test.ts"],
    // vitest.config.ts (unit) matches *.test.ts too; lane files run only where this is set
    // (describeLane in tests/asterisk/harness/describe-lane.ts).
    env: { ASTERISK_LANE: "1" },
    pool: "forks",
    // Every file brings up its own PBX; two at once would only fight over two cores and
    // make SIP timings flaky.
    fileParallelism: false,
    maxWorkers: 1,
    // Calls ring, time out and go to voicemail in real time.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
