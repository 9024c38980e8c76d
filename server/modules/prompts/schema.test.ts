import { describe, expect, it } from "vitest";
import { MAX_PROMPT_DURATION_MS, MAX_PROMPT_UPLOAD_BYTES } from "../../media/audio/convert-prompt";
import { MAX_SPOKEN_CHARACTERS, TTS_VOICES as SPEAKER_VOICES } from "../../media/audio/speak-prompt";
import { PROMPT_UPLOAD_LIMITS, SPOKEN_TEXT_MAX, TTS_VOICES, ZSpeakPromptInput } from "./schema";

describe("prompt schema mirrors the converter", () => {
  it("offers exactly the voices espeak-ng is asked for, with the same text limit", () => {
    expect(TTS_VOICES).toEqual(SPEAKER_VOICES);
    expect(SPOKEN_TEXT_MAX).toBe(MAX_SPOKEN_CHARACTERS);
  });

  it("states the converter's size and length limits", () => {
    expect(PROMPT_UPLOAD_LIMITS.maxBytes).toBe(MAX_PROMPT_UPLOAD_BYTES);
    expect(PROMPT_UPLOAD_LIMITS.maxMinutes * 60_000).toBe(MAX_PROMPT_DURATION_MS);
  });

  it("refuses an unknown voice and overlong text", () => {
    expect(ZSpeakPromptInput.safeParse({ name: "Hi", text: "Hello", voice: "klingon" }).success).toBe(false);
    expect(ZSpeakPromptInput.safeParse({ name: "Hi", text: "a".repeat(501), voice: "en-gb" }).success).toBe(false);
    expect(ZSpeakPromptInput.safeParse({ name: "Hi", text: "Hello", voice: "en-gb" }).success).toBe(true);
  });
});
