/**
 * Test support for the Asterisk lane: `describe` for lane files. The unit config
 * (vitest.config.ts) also matches `*.asterisk.test.ts`; there these suites are skipped, and
 * only vitest.asterisk.config.ts (which sets ASTERISK_LANE=1) runs them.
 */
import { describe } from "vitest";

export const isLaneRun = process.env.ASTERISK_LANE === "1";

export const describeLane = describe.runIf(isLaneRun);
