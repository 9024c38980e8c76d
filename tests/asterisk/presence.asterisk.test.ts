/**
 * Registration rows across an Asterisk restart, sampled every 50 ms: while ARI is down they
 * read UNKNOWN (nobody can see the phones), and once the worker has reconnected a phone that
 * stayed registered must not read UNREGISTERED or UNREACHABLE for more than 2 s, and must end
 * REGISTERED without re-registering (its contact comes back from astdb and pjsip.conf's
 * max_initial_qualify_time qualifies it within about a second). Prints every state seen.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SHIPPED_CONFIG_DIR } from "./harness/render";
import { summarizeEvent } from "./harness/ari";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { registrationOf, RegistrationTimeline } from "./harness/lane-queries";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

const PHONES = ["201", "202"];
const MAX_WRONG_MS = 2_000;
/** How long the rows are watched after the reconnect: past the worker's 3 s presence resync. */
const WATCH_AFTER_RECONNECT_MS = 10_000;

describeLane("[ASTERISK] presence across an Asterisk restart", () => {
  let lane: Lane;
  let phones: Phone[];

  beforeAll(async () => {
    lane = await startLane({ label: "presence" });
    phones = [await lane.startPhone("201"), await lane.startPhone("202")];
  });
  afterAll(async () => lane?.teardown());

  it("[ASTERISK] rows read UNKNOWN while Asterisk is down and registered phones read REGISTERED within 2 s of the reconnect", async () => {
    const shipped = await readFile(path.join(SHIPPED_CONFIG_DIR, "pjsip.conf"), "utf8");
    console.log(`[presence] pjsip.conf ${/^max_initial_qualify_time\s*=\s*\d+/m.exec(shipped)?.[0] ?? "has NO max_initial_qualify_time"}`);
    await pollUntil("both phones REGISTERED", async () => (await Promise.all(PHONES.map((n) => registrationOf(lane, n)))).every((r) => r?.state === "REGISTERED"));
    const phoneMarks = phones.map((p) => p.mark());
    const workerMark = lane.worker.mark();
    const eventMark = lane.endpointEvents.mark();
    const timeline = new RegistrationTimeline(lane, PHONES);

    const restartAt = Date.now();
    await lane.asterisk.restart();
    const bootedAt = Date.now();
    const connected = await lane.worker.waitForLog((l) => l.msg === "ARI connected" && Number(l.connectionCount) > 1, { since: workerMark, timeoutMs: 30_000 });
    const reconnectedAt = Date.parse(String(connected.time));
    await sleep(Math.max(0, reconnectedAt + WATCH_AFTER_RECONNECT_MS - Date.now()));
    await timeline.stop();
    const endAt = Date.now();

    console.log(
      `[presence] restart() began at 0 s, Asterisk booted at ${((bootedAt - restartAt) / 1000).toFixed(2)} s, worker "ARI connected" ${JSON.stringify(connected)} at ${((reconnectedAt - restartAt) / 1000).toFixed(2)} s; ${timeline.samples} samples. Registration states seen:\n${timeline.describe(restartAt)}`,
    );
    console.log(`[presence] worker lines since the restart:\n${lane.worker.lines.slice(workerMark).map((l) => JSON.stringify(l)).join("\n")}`);
    console.log(
      `[presence] endpoint:PJSIP events since the restart (relative to it):\n${lane.endpointEvents
        .since(eventMark)
        .map((e) => `${((Date.parse(String(e.timestamp)) - restartAt) / 1000).toFixed(2)} s ${JSON.stringify(summarizeEvent(e))}`)
        .join("\n")}`,
    );
    console.log(`[presence] pjsip show contacts at the end:\n${await lane.asterisk.cli("pjsip show contacts")}`);

    for (const [i, number] of PHONES.entries()) {
      // The phones never re-registered: what the rows say is the worker's doing alone.
      expect({ number, registered: phones[i]?.output.find(/registration success/, phoneMarks[i]) }).toEqual({ number, registered: [] });
      expect({ number, outage: timeline.statesBetween(number, restartAt, reconnectedAt) }).toEqual({ number, outage: expect.arrayContaining(["UNKNOWN"]) });
      const wrongMs = timeline.longestStretch(number, ["UNREGISTERED", "UNREACHABLE"], reconnectedAt, endAt);
      expect({ number, wrongMs: wrongMs <= MAX_WRONG_MS ? "at most 2 s" : `${wrongMs} ms` }).toEqual({ number, wrongMs: "at most 2 s" });
      expect({ number, final: timeline.stateAt(number, endAt) }).toEqual({ number, final: "REGISTERED" });
    }
  });
});
