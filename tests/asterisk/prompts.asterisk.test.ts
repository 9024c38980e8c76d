/**
 * Voice prompts on a real Asterisk: an MP3 converted by the product's converter (sox) and
 * stored by its file store is played from the store's own folder through the `sound:` URI
 * asteriskSoundUri builds, an absolute path without extension. Asterisk plays it for as long
 * as the file lasts (a 1.5 s and a 4 s prompt, told apart by the time between PlaybackStarted
 * and PlaybackFinished), and a prompt that is not there fails instead of playing silence.
 * The call is ours, not the worker's: originated through the trunk to the auto-answering
 * carrier, into this test's own Stasis application.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { convertPrompt } from "@/server/media/audio/convert-prompt";
import { asteriskSoundUri } from "@/server/media/storage/asterisk-sound-uri";
import { LocalFileStore } from "@/server/media/storage/local-file-store";
import { tenantFileKey } from "@/server/media/storage/tenant-file-key";
import { AriEventRecorder, type AriEvent } from "./harness/ari";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";

const APP = "lane-prompts";

describeLane("[ASTERISK] voice prompts", () => {
  let lane: Lane;
  let app: AriEventRecorder;
  let folder: string;
  let store: LocalFileStore;

  beforeAll(async () => {
    lane = await startLane({ label: "prompts" });
    const { url, username, password } = lane.config.ari;
    app = new AriEventRecorder(url, username, password, APP, { subscribeAll: false });
    await app.start();
    folder = mkdtempSync(path.join(tmpdir(), "lane-prompts-"));
    store = new LocalFileStore(path.join(folder, "media"));
  });
  afterAll(async () => {
    app?.close();
    await lane?.teardown();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** A stored prompt of `seconds` of tone, uploaded as MP3; its sound: URI. */
  async function storedPrompt(fileId: string, seconds: number): Promise<string> {
    const mp3 = path.join(folder, `${fileId}.mp3`);
    execFileSync("sox", ["-n", "-r", "44100", "-c", "2", mp3, "synth", String(seconds), "sine", "440"]);
    const converted = await convertPrompt(await readFile(mp3));
    const key = tenantFileKey({ tenantId: lane.account("201").tenantId, kind: "prompts", fileId, ext: "wav" });
    await store.put(key, converted.wav);
    return asteriskSoundUri(store.pathOf(key));
  }

  /** An answered channel in this test's application. */
  async function answeredChannel(): Promise<string> {
    const mark = app.mark();
    const { status, body } = await lane.ari.request<{ id: string }>("POST", `/channels?endpoint=${encodeURIComponent("PJSIP/+447700900555@trunk")}&app=${APP}`);
    expect(status).toBe(200);
    await app.waitFor((e) => e.type === "StasisStart" && (e.channel as { id: string }).id === body.id, { since: mark, timeoutMs: 15_000, what: "StasisStart" });
    return body.id;
  }

  /** Plays `media` and resolves with how long Asterisk played it and how it ended. */
  async function play(channelId: string, media: string): Promise<{ state: string; playedMs: number }> {
    const mark = app.mark();
    const { status, body } = await lane.ari.request<{ id: string }>("POST", `/channels/${channelId}/play?media=${encodeURIComponent(media)}`);
    if (status !== 201 && status !== 200) return { state: `http ${status}`, playedMs: 0 };
    const ofThis = (e: AriEvent) => (e.playback as { id?: string } | undefined)?.id === body.id;
    const finished = await app.waitFor((e) => e.type === "PlaybackFinished" && ofThis(e), { since: mark, timeoutMs: 20_000, what: "PlaybackFinished" });
    const started = app.since(mark, "PlaybackStarted").find(ofThis);
    const at = (e: AriEvent | undefined) => (e?.timestamp ? Date.parse(e.timestamp) : Number.NaN);
    return { state: (finished.playback as { state: string }).state, playedMs: at(finished) - at(started) };
  }

  it("[ASTERISK] plays a converted MP3 from the store's folder for as long as it lasts; a missing prompt fails", async () => {
    const short = await storedPrompt("promptShort", 1.5);
    const long = await storedPrompt("promptLong", 4);
    const missing = asteriskSoundUri(path.join(folder, "media", "no-such-prompt.wav"));
    console.log(`[prompts] media URIs: ${short} ${long}`);
    const channel = await answeredChannel();
    try {
      const first = await play(channel, short);
      const second = await play(channel, long);
      const gone = await play(channel, missing);
      console.log(`[prompts] short ${JSON.stringify(first)}, long ${JSON.stringify(second)}, missing ${JSON.stringify(gone)}`);
      expect(first.state).toBe("done");
      expect(second.state).toBe("done");
      expect(first.playedMs).toBeGreaterThan(1_200);
      expect(first.playedMs).toBeLessThan(2_500);
      expect(second.playedMs).toBeGreaterThan(3_600);
      expect(second.playedMs).toBeLessThan(5_000);
      expect(gone.state).not.toBe("done");
    } finally {
      await lane.ari.request("DELETE", `/channels/${channel}`);
    }
  });
});
