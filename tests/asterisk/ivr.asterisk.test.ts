/**
 * An IVR menu on a real Asterisk with real phones: the menu prompt is an uploaded prompt
 * converted by the product's converter (sox) into the media folder the worker is told about
 * (MEDIA_DIR), Asterisk plays it to the carrier's caller, the caller's phone presses 2
 * (RFC 2833), and the option rings 202, who answers and is bridged with the caller.
 *
 * Needs the engine's menus (engine/menu.ts), the loader's IVR menus and the worker's default
 * wiring of them (m12-engine): before that merge the worker falls back on a menu step and
 * this test fails at "202 rings".
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { convertPrompt } from "@/server/media/audio/convert-prompt";
import { LocalFileStore } from "@/server/media/storage/local-file-store";
import { tenantFileKey } from "@/server/media/storage/tenant-file-key";
import { notifyDialPlanChanged } from "@/server/telephony/dialplan/notify";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { bridgeWith, waitForCallRecords } from "./harness/lane-queries";
import { sleep } from "./harness/output";

describeLane("[ASTERISK] IVR menus", () => {
  let lane: Lane;
  let folder: string;

  beforeAll(async () => {
    lane = await startLane({ label: "ivr" });
    folder = mkdtempSync(path.join(tmpdir(), "lane-ivr-"));
    // The worker builds prompt URIs from MEDIA_DIR: restart it pointed at this test's folder.
    await lane.worker.stop();
    lane.worker.settings.env = { ...lane.worker.settings.env, MEDIA_DIR: path.join(folder, "media") };
    await lane.worker.start();
  });
  afterAll(async () => {
    await lane?.teardown();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("[ASTERISK] the menu plays an uploaded prompt; the caller presses 2 and 202 rings, answers and is bridged", async () => {
    const owner = lane.account("201");
    const callee = lane.account("202");
    const tenantId = owner.tenantId;
    const did = owner.did ?? "";
    // A 6 s MP3 "upload", converted and stored as the prompts page stores it.
    const mp3 = path.join(folder, "menu.mp3");
    execFileSync("sox", ["-n", "-r", "44100", "-c", "2", mp3, "synth", "6", "sine", "440"]);
    const converted = await convertPrompt(await readFile(mp3));
    const prompt = await lane.db.voicePrompt.create({
      data: { tenantId, name: "Press 2 for sales", source: "UPLOAD", originalName: "menu.mp3", originalType: "mp3", durationMs: 6000, sizeBytes: converted.wav.length, fileKey: "pending" },
    });
    const key = tenantFileKey({ tenantId, kind: "prompts", fileId: prompt.id, ext: "wav" });
    await new LocalFileStore(path.join(folder, "media")).put(key, converted.wav);
    await lane.db.voicePrompt.update({ where: { id: prompt.id }, data: { fileKey: key } });
    const menu = await lane.db.ivrMenu.create({
      data: {
        tenantId, name: "Lane menu", menuPromptId: prompt.id, digitTimeoutSec: 5, maxRetries: 2,
        options: { create: [{ tenantId, digit: "2", destination: { kind: "extension", extensionId: callee.extensionId } }] },
      },
    });
    const before = await lane.db.did.findUniqueOrThrow({ where: { number: did } });
    await lane.db.did.update({ where: { number: did }, data: { targetType: "IVR", targetExtensionId: null, targetIvrMenuId: menu.id } });
    await notifyDialPlanChanged(lane.db, tenantId);
    await sleep(500);
    const bob = await lane.startPhone("202");
    try {
      const startedAt = new Date();
      const bobMark = bob.mark();
      const eventsMark = lane.events.mark();
      const since = lane.carrier.call(lane.sipUri(did));
      await lane.carrier.waitForCallState("CONFIRMED", { since, timeoutMs: 15_000 });
      const started = await lane.events.waitFor((e) => e.type === "PlaybackStarted", { since: eventsMark, timeoutMs: 15_000, what: "menu prompt" });
      expect((started.playback as { media_uri: string }).media_uri).toContain(prompt.id);
      await sleep(1_000);
      lane.carrier.sendDtmf("2");
      // The key stops the 6 s prompt well before its end.
      const finished = await lane.events.waitFor((e) => e.type === "PlaybackFinished", { since: eventsMark, timeoutMs: 10_000, what: "prompt stopped" });
      expect(Date.parse(finished.timestamp ?? "") - Date.parse(started.timestamp ?? "")).toBeLessThan(5_000);
      await bob.waitForIncomingCall({ since: bobMark, timeoutMs: 15_000 });
      bob.answer(200);
      const bridge = await bridgeWith(lane, 2);
      expect(bridge.bridge_type).toBe("mixing");
      await sleep(1_000);
      const end = lane.carrier.hangup();
      await lane.carrier.waitForDisconnect({ since: end });
      const [record] = await waitForCallRecords(lane, startedAt, 1);
      expect(record).toMatchObject({ direction: "INBOUND", disposition: "ANSWERED", answeredByExtensionId: callee.extensionId });
    } finally {
      await bob.hangupAll();
      await bob.quit();
      await lane.db.did.update({ where: { number: did }, data: { targetType: before.targetType, targetExtensionId: before.targetExtensionId, targetIvrMenuId: null } });
      await lane.db.ivrMenu.delete({ where: { id: menu.id } });
      await notifyDialPlanChanged(lane.db, tenantId);
    }
  }, 90_000);
});
