/**
 * Turns an uploaded WAV, MP3 or OGG file into what Asterisk plays without transcoding: 8 kHz
 * mono 16-bit PCM WAV. The conversion is sox's (Debian's `sox` + `libsox-fmt-all`; `.ci/run`
 * and the README's set-up install them): resampling and down-mixing are its effects, not code of
 * ours. Every check that can refuse a file runs before anything is stored, so a bad upload
 * leaves nothing behind; the output is checked again by reading its header.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "../../errors";
import { detectAudioType, type PromptAudioType } from "./detect-audio-type";
import { isAsteriskWav, readWavFormat } from "./wav-header";

export const MAX_PROMPT_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Longer than any menu or announcement anyone would sit through; bounds the stored file. */
export const MAX_PROMPT_DURATION_MS = 10 * 60 * 1000;
/** A malformed file must not hold a web request (and a CPU) for long. */
const CONVERT_TIMEOUT_MS = 60_000;

export interface ConvertedPrompt {
  /** The 8 kHz mono 16-bit PCM WAV file. */
  wav: Buffer;
  durationMs: number;
  /** What the upload was, by content. */
  sourceType: PromptAudioType;
  sourceMime: string;
}

export interface ConvertOptions {
  /** The sox binary; `sox` on the PATH by default (callers pass their validated env's setting). */
  soxBin?: string;
}

export async function convertPrompt(upload: Uint8Array, options: ConvertOptions = {}): Promise<ConvertedPrompt> {
  if (upload.byteLength === 0) throw new AppError("INVALID", "The file is empty.");
  if (upload.byteLength > MAX_PROMPT_UPLOAD_BYTES) {
    throw new AppError("INVALID", `The file is ${formatMb(upload.byteLength)}; prompts can be at most 8 MB.`);
  }
  const verdict = await detectAudioType(upload);
  if (!verdict.isAccepted) throw new AppError("INVALID", verdict.reason);

  const folder = await mkdtemp(path.join(tmpdir(), "prompt-"));
  try {
    const input = path.join(folder, `upload.${verdict.type}`);
    const output = path.join(folder, "prompt.wav");
    await writeFile(input, upload);
    await runSox(options.soxBin ?? "sox", [
      "-V1", "-t", verdict.type, input,
      "-t", "wav", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", output,
    ]);
    const wav = await readFile(output);
    const format = readWavFormat(wav);
    if (format === null || !isAsteriskWav(format)) throw new Error("sox wrote something other than 8 kHz mono 16-bit PCM WAV");
    if (format.durationMs === 0) throw new AppError("INVALID", "The file has no sound in it.");
    if (format.durationMs > MAX_PROMPT_DURATION_MS) throw new AppError("INVALID", "Prompts can be at most 10 minutes long.");
    return { wav, durationMs: format.durationMs, sourceType: verdict.type, sourceMime: verdict.mime };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function runSox(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: CONVERT_TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) return resolve();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") {
        return reject(new AppError("UPSTREAM_FAILED", "Audio conversion is not available on this server (sox is not installed)."));
      }
      if (error.killed) return reject(new AppError("INVALID", "The file took too long to convert; it may be damaged."));
      // sox says why on stderr; the user gets a plain sentence, the log keeps the detail.
      reject(new AppError("INVALID", "The file could not be read as audio; it may be damaged.", { cause: new Error(String(stderr).trim().slice(0, 500)) }));
    });
  });
}

const formatMb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
