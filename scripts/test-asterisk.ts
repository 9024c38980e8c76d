/**
 * `npm run test:asterisk`: the Asterisk lane (tests/asterisk/**), a real Asterisk, real pjsua
 * phones and the real worker on loopback. Not part of `npm test`: Asterisk and pjsua are not
 * project dependencies. Without them (ASTERISK_BIN / PJSUA_BIN unset or not executable) it
 * prints one line saying so and exits 0; otherwise it runs vitest and exits with its code.
 *
 *   ASTERISK_BIN=/opt/asterisk22/sbin/asterisk PJSUA_BIN=/opt/pjsua/pjsua npm run test:asterisk
 *   ... npm run test:asterisk -- tests/asterisk/calls     # extra arguments go to vitest
 */
import { laneBinaries } from "../tests/asterisk/harness/binaries";
import { bin, runCommand } from "./lib/child-processes";

const bins = laneBinaries();
if (!bins.ok) {
  console.log(`Asterisk lane skipped: ${bins.reason}`);
  process.exit(0);
}
process.exitCode = await runCommand(bin("vitest"), ["run", "-c", "vitest.asterisk.config.ts", ...process.argv.slice(2)]);
