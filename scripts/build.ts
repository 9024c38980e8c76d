/**
 * `npm run build`: `next build`, then the source stamp, so a following `npm start` serves this
 * build instead of building again (scripts/lib/build-stamp.ts).
 */
import { sourceStamp, writeBuildStamp } from "./lib/build-stamp";
import { bin, runCommand } from "./lib/child-processes";

const stamp = await sourceStamp();
const code = await runCommand(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
if (code === 0) await writeBuildStamp(stamp);
process.exit(code);
