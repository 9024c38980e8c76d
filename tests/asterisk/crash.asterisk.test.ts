/**
 * A worker killed mid-call (SIGKILL) on a real Asterisk: the caller hangs up while no worker
 * listens, so the callee's leg is left alone in the Stasis bridge. The next worker must settle
 * it on start (stasis/orphan-calls.ts): hang the leg up, destroy the bridge, write the call's one
 * CDR and reset both extensions' call states.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { bridgeWith, callRecordsSince, callStateOf, liveChannelOf, type AriBridge, type AriChannel } from "./harness/lane-queries";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

/** "Within a few seconds" of the new worker being up. */
const SETTLE_WITHIN_MS = 5_000;

describeLane("[ASTERISK] worker crash mid-call", () => {
  let lane: Lane;
  let alice: Phone;
  let bob: Phone;

  beforeAll(async () => {
    lane = await startLane({ label: "crash" });
    alice = await lane.startPhone("201");
    bob = await lane.startPhone("202", { autoAnswer: 200 });
  });
  afterAll(async () => lane?.teardown());

  it("[ASTERISK] after a SIGKILL mid-call the next worker ends the stranded leg and writes one CDR", async () => {
    const startedAt = new Date();
    const incoming = bob.mark();
    const since = alice.call(lane.sipUri("202"));
    await alice.waitForCallState("CONFIRMED", { since, timeoutMs: 20_000 });
    const bridge = await bridgeWith(lane, 2);
    const caller = await liveChannelOf(lane, lane.account("201").username);
    const leg = await liveChannelOf(lane, lane.account("202").username);
    // The dead worker must have written the call states the next one rebuilds the CDR from.
    await pollUntil("both extensions IN_CALL", async () => (await callStateOf(lane, "201"))?.state === "IN_CALL" && (await callStateOf(lane, "202"))?.state === "IN_CALL");

    await lane.worker.kill();
    const workerMark = lane.worker.mark();
    await alice.waitForDisconnect({ since: alice.hangup() });
    await sleep(1_000);
    const channelsWhileDown = await lane.ari.get<AriChannel[]>("/channels");
    const bridgesWhileDown = await lane.ari.get<AriBridge[]>("/bridges");
    console.log(`[crash] while no worker runs, after 201's BYE: channels ${JSON.stringify(channelsWhileDown.map((c) => `${c.name} ${c.state}`))}, bridges ${JSON.stringify(bridgesWhileDown)}`);
    // The situation the issue saw: 202's leg alone in the Stasis bridge, nobody to end it.
    expect(channelsWhileDown.map((c) => c.id)).toEqual([leg.id]);
    expect(bridgesWhileDown.map((b) => ({ id: b.id, channels: b.channels }))).toEqual([{ id: bridge.id, channels: [leg.id] }]);

    const spawnedAt = Date.now();
    await lane.worker.start();
    const upAfterMs = Date.now() - spawnedAt;
    const settled = await pollUntil(
      "no channel, no bridge, one CDR, both IDLE",
      async () => {
        const [channels, bridges, records, a, b] = await Promise.all([
          lane.ari.get<AriChannel[]>("/channels"),
          lane.ari.get<AriBridge[]>("/bridges"),
          callRecordsSince(lane, startedAt),
          callStateOf(lane, "201"),
          callStateOf(lane, "202"),
        ]);
        const isDone = channels.length === 0 && bridges.length === 0 && records.length > 0 && a?.state === "IDLE" && b?.state === "IDLE";
        return isDone ? { records, states: { alice: a?.state, bob: b?.state } } : undefined;
      },
      SETTLE_WITHIN_MS,
      100,
    ).catch((err: Error) => err);
    const settledAfterMs = Date.now() - spawnedAt;
    const bobEnd = await bob.waitForDisconnect({ since: incoming, timeoutMs: 5_000 }).catch((err: Error) => err);
    await sleep(1_000);

    const records = await callRecordsSince(lane, startedAt);
    console.log(`[crash] new worker up (provisioned, /health connected) ${upAfterMs} ms after spawn; settled check ended ${settledAfterMs} ms after spawn`);
    console.log(`[crash] worker lines of the new process:\n${lane.worker.lines.slice(workerMark).map((l) => JSON.stringify(l)).join("\n")}`);
    console.log(`[crash] channels now ${JSON.stringify((await lane.ari.get<AriChannel[]>("/channels")).map((c) => c.name))}, bridges now ${JSON.stringify(await lane.ari.get<AriBridge[]>("/bridges"))}`);
    console.log(`[crash] call states now: 201 ${JSON.stringify(await callStateOf(lane, "201"))}; 202 ${JSON.stringify(await callStateOf(lane, "202"))}`);
    console.log(`[crash] CallRecords: ${JSON.stringify(records)}`);
    console.log(`[crash] 202 (pjsua) saw: ${bobEnd instanceof Error ? bobEnd.message.split("\n")[0] : bobEnd.line}`);
    expect(settled).not.toBeInstanceOf(Error);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ channelId: caller.id, disposition: "ANSWERED", hangupCause: "worker restarted mid-call" });
    // Soft: who called whom is the call's, whichever of its channels survived the crash.
    expect.soft(records[0]).toMatchObject({ direction: "INTERNAL", callerNumber: "201", calledNumber: "202" });
    expect(bobEnd).not.toBeInstanceOf(Error);
  });
});
