/** Real espeak-ng and sox: typed text becomes an 8 kHz mono 16-bit prompt of a plausible length. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { speakPrompt, type TtsVoice } from "./speak-prompt";
import { readWavFormat } from "./wav-header";

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => {
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
});

describe("speakPrompt", () => {
  it("speaks a sentence into an Asterisk-ready prompt", async () => {
    const prompt = await speakPrompt("Thank you for calling Acme. Press 1 for sales, or 2 for support.", "en-gb");
    expect(readWavFormat(prompt.wav)).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    expect(prompt.durationMs).toBeGreaterThan(2000);
    expect(prompt.durationMs).toBeLessThan(10_000);
    expect(prompt.sourceType).toBe("wav");
  });

  it("reads option-like text aloud instead of obeying it", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tts-"));
    try {
      const target = path.join(folder, "written.wav");
      const prompt = await speakPrompt(`-w ${target} --help`, "en-us");
      expect(prompt.durationMs).toBeGreaterThan(500);
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("refuses empty text, control characters, overlong text and unknown voices", async () => {
    expect((await refusal(speakPrompt("   ", "en-gb"))).message).toBe("Type what the prompt should say");
    expect((await refusal(speakPrompt("Hello\u0007", "en-gb"))).message).toMatch(/control character U\+0007/);
    expect((await refusal(speakPrompt("Hello\nthere", "en-gb"))).message).toMatch(/one line/);
    expect((await refusal(speakPrompt("a".repeat(501), "en-gb"))).message).toBe("Use at most 500 characters");
    expect((await refusal(speakPrompt("Hello", "klingon" as TtsVoice))).message).toBe("Choose one of the listed voices");
  });

  it("says plainly when espeak-ng is missing", async () => {
    const error = await refusal(speakPrompt("Hello", "en-gb", { espeakBin: "/nonexistent/espeak-ng" }));
    expect(error.code).toBe("UPSTREAM_FAILED");
    expect(error.message).toContain("espeak-ng is not installed");
  });
});
