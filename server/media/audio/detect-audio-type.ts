/**
 * The type of an uploaded prompt, read from its content (magic bytes, through file-type), never
 * from its name or the browser's Content-Type: a renamed text or image file is refused here.
 */
import { fileTypeFromBuffer } from "file-type";

/** What a voice prompt may be uploaded as; sox decodes each of these. */
export type PromptAudioType = "wav" | "mp3" | "ogg";

export type AudioTypeVerdict =
  | { isAccepted: true; type: PromptAudioType; mime: string }
  | { isAccepted: false; reason: string };

const ACCEPTED: Record<string, PromptAudioType> = { wav: "wav", mp3: "mp3", ogg: "ogg" };

export async function detectAudioType(bytes: Uint8Array): Promise<AudioTypeVerdict> {
  const found = await fileTypeFromBuffer(bytes);
  if (found === undefined) return { isAccepted: false, reason: "This file is not audio. Upload a WAV, MP3 or OGG file." };
  const type = ACCEPTED[found.ext];
  if (type !== undefined) return { isAccepted: true, type, mime: found.mime };
  if (found.ext === "opus") return { isAccepted: false, reason: "OGG Opus is not supported. Upload OGG Vorbis, MP3 or WAV." };
  const what = found.mime.startsWith("audio/") ? `${found.ext.toUpperCase()} audio` : `a ${found.ext.toUpperCase()} file (${found.mime})`;
  return { isAccepted: false, reason: `This is ${what}, not WAV, MP3 or OGG.` };
}
