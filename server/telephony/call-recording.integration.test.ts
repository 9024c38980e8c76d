/**
 * Call recording end to end through the simulator: a real worker, a real database, the media
 * store in a temporary folder. The simulator runs in real time (speed 1) here, so a
 * recording's simulated length and the CDR's worker-clock duration can be compared.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { databaseEnv } from "@/server/env-database";
import { readWavFormat } from "@/server/media/audio/wav-header";
import { LocalFileStore } from "@/server/media/storage/local-file-store";
import type { MediaStore } from "@/server/media/storage/media-store";
import { createLogger } from "@/server/telephony/log";
import { startAriSimulator, type AriSimulator } from "@/server/telephony/simulator";
import { startWorker, type Worker } from "@/server/telephony/start-worker";
import { loadTenantDialPlan } from "@/server/telephony/dialplan/load-dial-plan";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { ARI_CREDENTIALS, eventually } from "@/tests/fixtures/telephony-harness";

/** The local store, with puts that fail while `failingPuts` > 0 (a full disk, an S3 outage). */
class FlakyStore extends LocalFileStore implements MediaStore {
  failingPuts = 0;
  override async put(key: string, bytes: Uint8Array): Promise<void> {
    if (this.failingPuts > 0) {
      this.failingPuts--;
      throw new Error("simulated store outage");
    }
    return super.put(key, bytes);
  }
}

let sim: AriSimulator;
let worker: Worker;
let root: string;
let store: FlakyStore;
const logs: Record<string, unknown>[] = [];
let tenantId: string;
let alice: SeededExtension, bob: SeededExtension, carol: SeededExtension, dave: SeededExtension;

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [alice, bob, carol, dave] = (await seedExtensions(tenantId, 4)) as [SeededExtension, SeededExtension, SeededExtension, SeededExtension];
  // bob records calls he answers from colleagues; carol too, with the announcement; dave records nothing.
  await db.sipAccount.update({ where: { id: bob.sipAccountId }, data: { recordIncomingInternal: true } });
  await db.sipAccount.update({ where: { id: carol.sipAccountId }, data: { recordIncomingInternal: true, recordAnnouncement: true } });
  await db.sipAccount.update({ where: { id: dave.sipAccountId }, data: { recordIncomingExternal: true, recordOutgoingInternal: true } });
  root = mkdtempSync(path.join(tmpdir(), "call-recording-"));
  store = new FlakyStore(root);
  sim = await startAriSimulator({ ...ARI_CREDENTIALS, speed: 1, trunks: ["trunk"] });
  worker = await startWorker({
    db,
    databaseUrl: databaseEnv().DATABASE_URL,
    ari: { url: sim.url, ...ARI_CREDENTIALS, reconnectMaxSeconds: 1 },
    trunk: "trunk",
    healthPort: null,
    log: createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    drainTimeoutMs: 500,
    mediaStore: store,
    recordingRetryDelaysMs: [50, 100],
  });
  await worker.ready;
  for (const ext of [alice, bob, carol, dave]) {
    sim.scenario.registerPhone({ endpoint: ext.username });
    sim.scenario.setPhoneBehaviour(ext.username, { mode: "answer", answerAfterMs: 100 });
  }
});

afterAll(async () => {
  await worker?.stop();
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

/** alice calls `number`, the call is bridged, lasts `talkMs`, and alice hangs up; returns alice's channel. */
async function talk(number: string, talkMs: number): Promise<{ callerId: string; bridgeId: string }> {
  const callerId = sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: number });
  const bridge = await eventually("bridged", () => sim.scenario.snapshot().bridges.find((b) => b.channels.includes(callerId) && b.channels.length >= 2));
  await new Promise((resolve) => setTimeout(resolve, talkMs));
  sim.scenario.hangup(callerId);
  await eventually("CDR", () => db.callRecord.findUnique({ where: { channelId: callerId } }));
  await worker.flush();
  return { callerId, bridgeId: bridge.id };
}

const recordingEvents = (bridgeId: string) =>
  sim.scenario.stats().events.filter((e) => e.type === "RecordingStarted" && (e as { recording?: { target_uri?: string } }).recording?.target_uri === `bridge:${bridgeId}`);

describe("call recording", () => {
  it("a recorded call leaves a playable file linked from its CDR", async () => {
    const { callerId } = await talk(bob.number, 2500);
    const cdr = await db.callRecord.findUniqueOrThrow({ where: { channelId: callerId } });
    const recording = await db.recording.findFirstOrThrow({ where: { channelId: callerId } });
    expect(cdr.recordingRef).toBe(recording.id);
    expect(recording).toMatchObject({ tenantId, extensionId: bob.id, direction: "INTERNAL", callerNumber: cdr.callerNumber, calledNumber: "202" });
    expect(recording.fileKey).toBe(`${tenantId}/recordings/${recording.id}.wav`);
    const file = await store.get(recording.fileKey);
    const format = readWavFormat(file!.bytes);
    expect(format).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    expect(recording).toMatchObject({ durationMs: format!.durationMs, sizeBytes: file!.sizeBytes });
    const callMs = cdr.endedAt.getTime() - cdr.answeredAt!.getTime();
    expect(Math.abs(format!.durationMs - callMs)).toBeLessThan(1000);
    expect(format!.durationMs).toBeGreaterThan(2000);
    // Copied out of Asterisk, then deleted there.
    expect(sim.scenario.snapshot().storedRecordings).toEqual([]);
  });

  it("records nothing when the flags are off for this kind of call", async () => {
    // dave records incoming external and outgoing internal calls only: alice's internal call to him is neither.
    const { callerId, bridgeId } = await talk(dave.number, 300);
    expect(recordingEvents(bridgeId)).toEqual([]);
    expect(await db.recording.count({ where: { channelId: callerId } })).toBe(0);
    expect((await db.callRecord.findUniqueOrThrow({ where: { channelId: callerId } })).recordingRef).toBeNull();
  });

  it("plays the announcement to both parties when the account asks for it", async () => {
    // The real loader: the policy comes from the SIP account's flags.
    const plan = await loadTenantDialPlan(db, tenantId, { trunk: "trunk" });
    const announcement = plan.extensions.find((e) => e.id === carol.id)!.recording!.announcement;
    expect(announcement.length).toBeGreaterThan(0);
    const { callerId, bridgeId } = await talk(carol.number, 500);
    const played = sim.scenario.stats().events.filter((e) => e.type === "PlaybackStarted") as unknown as { playback: { target_uri: string; media_uri: string } }[];
    expect(played.filter((e) => e.playback.target_uri === `bridge:${bridgeId}`).map((e) => e.playback.media_uri)).toEqual([announcement[0]]);
    expect(recordingEvents(bridgeId)).toHaveLength(1);
    expect(await db.recording.count({ where: { channelId: callerId } })).toBe(1);
    // bob's calls play nothing: he has no announcement.
    const bobCall = await talk(bob.number, 200);
    expect(played.length).toBe((sim.scenario.stats().events.filter((e) => e.type === "PlaybackStarted")).length);
    expect(await db.recording.count({ where: { channelId: bobCall.callerId } })).toBe(1);
  });

  it("retries a failed store write, and never loses the CDR when every try fails", async () => {
    store.failingPuts = 1; // one failure, then the retry succeeds
    const retried = await talk(bob.number, 200);
    const saved = await db.recording.findFirstOrThrow({ where: { channelId: retried.callerId } });
    expect((await db.callRecord.findUniqueOrThrow({ where: { channelId: retried.callerId } })).recordingRef).toBe(saved.id);
    expect(logs.some((l) => l.msg === "could not store the recording; retrying" && l.tenantId === tenantId)).toBe(true);

    store.failingPuts = 10; // more than the tries
    const lost = await talk(bob.number, 200);
    const cdr = await db.callRecord.findUniqueOrThrow({ where: { channelId: lost.callerId } });
    expect(cdr).toMatchObject({ disposition: "ANSWERED", recordingRef: null });
    expect(await db.recording.count({ where: { channelId: lost.callerId } })).toBe(0);
    expect(logs.some((l) => l.msg === "call recording lost from the portal; it stays in Asterisk's recordings folder")).toBe(true);
    // Left in Asterisk for an operator, and nothing half-written in the store.
    expect(sim.scenario.snapshot().storedRecordings).toHaveLength(1);
    expect((await store.list("recordings")).length).toBe(await db.recording.count({ where: { tenantId } }));
    store.failingPuts = 0;
  });
});
