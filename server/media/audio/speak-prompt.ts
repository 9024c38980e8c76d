/**
 * A quick prompt from typed text: Debian's espeak-ng speaks it to a WAV, which then goes
 * through the same conversion and checks as an upload (convert-prompt.ts). Optional: without
 * espeak-ng installed the portal says text-to-speech is unavailable, and uploads still work.
 * The text reaches espeak-ng on stdin, never as an argument, so "-w /etc/x" is read aloud.
 */
import { spawn } from "node:child_process";
import { z } from "zod";
import { AppError } from "../../errors";
import { singleLine } from "../../validation/text";
import { convertPrompt, type ConvertedPrompt, type ConvertOptions } from "./convert-prompt";

export const MAX_SPOKEN_CHARACTERS = 500;
export const ZSpokenText = singleLine()
  .min(1, "Type what the prompt should say")
  .max(MAX_SPOKEN_CHARACTERS, `Use at most ${MAX_SPOKEN_CHARACTERS} characters`);

/** espeak-ng voices people pick from; the value is espeak-ng's voice name. */
export const TTS_VOICES = ["en-gb", "en-us", "fr-fr", "de", "es", "nl", "it"] as const;
export const ZTtsVoice = z.enum(TTS_VOICES);
export type TtsVoice = z.infer<typeof ZTtsVoice>;

const SPEAK_TIMEOUT_MS = 30_000;
const MAX_SPOKEN_WAV_BYTES = 8 * 1024 * 1024;

export interface SpeakOptions extends ConvertOptions {
  /** `espeak-ng` on the PATH by default. */
  espeakBin?: string;
}

export async function speakPrompt(text: string, voice: TtsVoice, options: SpeakOptions = {}): Promise<ConvertedPrompt> {
  const parsedText = ZSpokenText.safeParse(text);
  if (!parsedText.success) throw new AppError("INVALID", parsedText.error.issues[0]?.message ?? "Not a valid text");
  const parsedVoice = ZTtsVoice.safeParse(voice);
  if (!parsedVoice.success) throw new AppError("INVALID", "Choose one of the listed voices");
  const wav = await runEspeak(options.espeakBin ?? "espeak-ng", parsedVoice.data, parsedText.data);
  return convertPrompt(wav, options);
}

/** espeak-ng --stdout writes the WAV to stdout; collected up to a bound. */
function runEspeak(bin: string, voice: TtsVoice, text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["-v", voice, "--stdin", "--stdout"], { stdio: ["pipe", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => child.kill("SIGKILL"), SPEAK_TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_SPOKEN_WAV_BYTES) child.kill("SIGKILL");
      else chunks.push(chunk);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === "ENOENT"
        ? new AppError("UPSTREAM_FAILED", "Text-to-speech is not available on this server (espeak-ng is not installed).")
        : error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0 && size <= MAX_SPOKEN_WAV_BYTES) return resolve(Buffer.concat(chunks));
      reject(new AppError("INVALID", size > MAX_SPOKEN_WAV_BYTES ? "That text is too long to speak as one prompt." : "The text could not be spoken."));
    });
    child.stdin.on("error", () => undefined); // a child that exits early closes the pipe: "close" reports it
    child.stdin.end(text);
  });
}
