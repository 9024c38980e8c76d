/**
 * Call recording on a real Asterisk: 202's account records calls it answers from colleagues;
 * 201 calls 202 on real phones (pjsua), they talk for a few seconds, 201 hangs up. The worker
 * must have recorded the bridge, copied Asterisk's file out over ARI
 * (GET /recordings/stored/{name}/file) into its media folder, and linked it from the CDR; sox
 * must read the file as the call's length (±1 s) and Asterisk must no longer hold it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readWavFormat } from "@/server/media/audio/wav-header";
import { LocalFileStore } from "@/server/media/storage/local-file-store";
import { notifyDialPlanChanged } from "@/server/telephony/dialplan/notify";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { bridgeWith, waitForCallRecords } from "./harness/lane-queries";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

describeLane("[ASTERISK] call recording", () => {
  let lane: Lane;
  let folder: string;
  let phones: Phone[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "lane-recording-"));
    lane = await startLane({ label: "recording", workerEnv: { MEDIA_DIR: path.join(folder, "media") } });
  });
  afterAll(async () => {
    await Promise.all(phones.map((phone) => phone.quit()));
    await lane?.teardown();
    rmSync(folder, { recursive: true, force: true });
  });

  it("[ASTERISK] a recorded bridge between two phones leaves a WAV of the call's length, linked from its CDR", async () => {
    const callee = lane.account("202");
    await lane.db.sipAccount.update({ where: { id: callee.sipAccountId }, data: { recordIncomingInternal: true } });
    await notifyDialPlanChanged(lane.db, callee.tenantId);
    await sleep(500);
    const alice = await lane.startPhone("201");
    const bob = await lane.startPhone("202", { autoAnswer: 200 });
    phones = [alice, bob];
    const startedAt = new Date();
    const since = alice.call(lane.sipUri("202"));
    await alice.waitForCallState("CONFIRMED", { since, timeoutMs: 20_000 });
    const bridge = await bridgeWith(lane, 2);
    await lane.worker.waitForLog((l) => l.msg === "call recording started", { timeoutMs: 10_000 });
    await sleep(4_000);
    const bye = alice.hangup();
    await alice.waitForDisconnect({ since: bye });
    const [record] = await waitForCallRecords(lane, startedAt, 1);
    const recording = await pollUntil("the Recording row", async () => (await lane.db.recording.findFirst({ where: { channelId: record!.channelId } })) ?? undefined, 30_000);
    const cdr = await lane.db.callRecord.findUniqueOrThrow({ where: { channelId: record!.channelId } });
    console.log(`[recording] bridge ${bridge.id}; Recording ${JSON.stringify(recording)}`);
    expect(cdr.recordingRef).toBe(recording.id);
    expect(recording).toMatchObject({ extensionId: callee.extensionId, direction: "INTERNAL", calledNumber: "202" });

    const file = new LocalFileStore(path.join(folder, "media")).pathOf(recording.fileKey);
    const format = readWavFormat(readFileSync(file));
    expect(format).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    const soxSec = Number(execFileSync("sox", ["--i", "-D", file], { encoding: "utf8" }).trim());
    const callSec = (cdr.endedAt.getTime() - cdr.answeredAt!.getTime()) / 1000;
    console.log(`[recording] sox reads ${soxSec} s; the call lasted ${callSec} s; the header says ${format?.durationMs} ms`);
    expect(Math.abs(soxSec - callSec)).toBeLessThanOrEqual(1);
    expect(Math.abs(format!.durationMs / 1000 - soxSec)).toBeLessThan(0.1);
    // Copied out, then deleted from Asterisk's recordings folder.
    const stored = await lane.ari.get<{ name: string }[]>("/recordings/stored");
    expect(stored).toEqual([]);
  });
});
