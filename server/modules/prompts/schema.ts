/**
 * Inputs of the voice-prompt procedures, importable by forms (so nothing here may pull in
 * node:child_process: speak-prompt.ts's voice list and text limit are mirrored, and
 * schema.test.ts keeps the copies equal).
 */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

export const ZPromptName = singleLine().min(1, "Name the prompt").max(64, "Use at most 64 characters");

export const ZPromptId = z.object({ id: ZRecordId });
export type TPromptId = z.infer<typeof ZPromptId>;

export const ZRenamePromptInput = z.object({ id: ZRecordId, name: ZPromptName });
export type TRenamePromptInput = z.infer<typeof ZRenamePromptInput>;

export const SPOKEN_TEXT_MAX = 500;
export const TTS_VOICES = ["en-gb", "en-us", "fr-fr", "de", "es", "nl", "it"] as const;
export const TTS_VOICE_LABELS: Record<(typeof TTS_VOICES)[number], string> = {
  "en-gb": "English (UK)", "en-us": "English (US)", "fr-fr": "French", de: "German", es: "Spanish", nl: "Dutch", it: "Italian",
};

export const ZSpeakPromptInput = z.object({
  name: ZPromptName,
  text: singleLine().min(1, "Type what the prompt should say").max(SPOKEN_TEXT_MAX, `Use at most ${SPOKEN_TEXT_MAX} characters`),
  voice: z.enum(TTS_VOICES, "Choose one of the listed voices"),
});
export type TSpeakPromptInput = z.infer<typeof ZSpeakPromptInput>;

/** What the upload route accepts and converts; convert-prompt.ts enforces the same numbers. */
export const PROMPT_UPLOAD_LIMITS = { maxBytes: 8 * 1024 * 1024, maxMinutes: 10, types: "WAV, MP3 or OGG (Vorbis)" } as const;
