import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetch } from "undici";
import { readWavFormat } from "@/server/media/audio/wav-header";
import { PASS, startBench, USER, type Bench } from "./test-helpers";

let bench: Bench;
beforeEach(async () => {
  bench = await startBench({ speed: 50 });
});
afterEach(() => bench.close());

/** A bridge with an answered caller, recorded for about `simMs` of simulated time. */
async function recordBridge(name: string, format: string, simMs: number): Promise<void> {
  const id = bench.sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
  await bench.log.next("StasisStart", (e) => e.channel.id === id);
  await bench.ari.channels.answer(id);
  const bridge = await bench.ari.bridges.create({ type: "mixing" });
  await bench.ari.bridges.addChannel(bridge.id, id);
  await bench.ari.bridges.record(bridge.id, { name, format, ifExists: "fail" });
  await bench.log.next("RecordingStarted", (e) => e.recording.name === name);
  await new Promise((resolve) => setTimeout(resolve, simMs / 50));
  await bench.ari.recordings.stopLive(name);
  await bench.log.next("RecordingFinished", (e) => e.recording.name === name);
}

describe("stored recording files", () => {
  it("serves a finished recording as an 8 kHz mono 16-bit WAV of its length", async () => {
    await recordBridge("rec-file-1", "wav", 4000);
    const bytes = await bench.ari.recordings.getStoredFile("rec-file-1");
    const format = readWavFormat(bytes);
    expect(format).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    // Real time between start and stop is only roughly 80 ms, so allow for a slow test machine.
    expect(format!.durationMs).toBeGreaterThanOrEqual(3900);
    expect(format!.durationMs).toBeLessThan(8000);
    // Not silence: a tone, so a person listening to a demo recording hears something.
    expect(bytes.subarray(44).some((b) => b !== 0)).toBe(true);
  });

  it("answers with Content-Type audio/wav, as Asterisk does", async () => {
    await recordBridge("rec-file-2", "wav", 500);
    const response = await fetch(`${bench.sim.url}/recordings/stored/rec-file-2/file`, {
      headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASS}`).toString("base64")}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(readWavFormat(new Uint8Array(await response.arrayBuffer()))?.sampleRate).toBe(8000);
  });

  it("is 404 for an unknown or deleted recording, and 403 for a format it has no audio for", async () => {
    await expect(bench.ari.recordings.getStoredFile("no-such-recording")).rejects.toMatchObject({ status: 404 });
    await recordBridge("rec-file-3", "wav", 500);
    await bench.ari.recordings.deleteStored("rec-file-3");
    await expect(bench.ari.recordings.getStoredFile("rec-file-3")).rejects.toMatchObject({ status: 404 });
    await recordBridge("rec-file-4", "gsm", 500);
    await expect(bench.ari.recordings.getStoredFile("rec-file-4")).rejects.toMatchObject({ status: 403 });
  });
});
