/**
 * The real converter (sox) on real encoded audio that sox itself synthesises, so the test
 * needs no binary fixtures: MP3, OGG Vorbis and WAV at CD rates in stereo all come out as
 * 8 kHz mono 16-bit PCM of the same length; anything else is refused with a sentence.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { convertPrompt, MAX_PROMPT_UPLOAD_BYTES } from "./convert-prompt";
import { readWavFormat } from "./wav-header";

let folder: string;
const tone = (name: string, rate: number, seconds: number) => {
  const file = path.join(folder, name);
  execFileSync("sox", ["-n", "-r", String(rate), "-c", "2", file, "synth", String(seconds), "sine", "440"]);
  return readFileSync(file);
};

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "prompt-test-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function refusal(upload: Uint8Array, soxBin?: string): Promise<AppError> {
  const error = await convertPrompt(upload, { soxBin }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("convertPrompt", () => {
  it.each([
    ["mp3", 44_100],
    ["ogg", 22_050],
    ["wav", 48_000],
  ])("converts a stereo %s at %i Hz to 8 kHz mono 16-bit PCM of the same length", async (ext, rate) => {
    const converted = await convertPrompt(tone(`tone.${ext}`, rate, 1.5));
    const format = readWavFormat(converted.wav);
    expect(format).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    expect(converted.sourceType).toBe(ext);
    // MP3 encoders pad a frame or two; the length people hear is what matters.
    expect(Math.abs(converted.durationMs - 1500)).toBeLessThan(80);
    expect(format!.durationMs).toBe(converted.durationMs);
  });

  it("refuses a text file renamed to .mp3: the type is read from the content", async () => {
    const error = await refusal(new TextEncoder().encode("Just words in a file called prompt.mp3\n".repeat(20)));
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("This file is not audio. Upload a WAV, MP3 or OGG file.");
  });

  it("refuses an image and names what it is", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const error = await refusal(png);
    expect(error.message).toMatch(/^This is a PNG file \(image\/png\), not WAV, MP3 or OGG\.$/);
  });

  it.each([
    ["an OGG page header followed by garbage", () => Buffer.concat([tone("short.ogg", 22_050, 0.5).subarray(0, 40), Buffer.alloc(20_000, 0x5a)])],
    ["text that happens to start with an MP3 tag", () => Buffer.from("ID3 is how this starts, but it is text\n".repeat(50))],
  ])("refuses %s as unreadable", async (_name, upload) => {
    const error = await refusal(upload());
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("The file could not be read as audio; it may be damaged.");
  });

  it("refuses empty and oversized uploads before any work", async () => {
    expect((await refusal(new Uint8Array(0))).message).toBe("The file is empty.");
    const big = new Uint8Array(MAX_PROMPT_UPLOAD_BYTES + 1);
    expect((await refusal(big)).message).toBe("The file is 8.0 MB; prompts can be at most 8 MB.");
  });

  it("says plainly when the converter is missing", async () => {
    const error = await refusal(tone("again.wav", 8000, 0.2), path.join(folder, "no-such-sox"));
    expect(error.code).toBe("UPSTREAM_FAILED");
    expect(error.message).toContain("sox is not installed");
  });
});
