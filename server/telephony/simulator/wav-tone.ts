/**
 * The audio of a simulated recording: a RIFF/WAVE file of PCM 16-bit mono, a quiet 440 Hz tone
 * for the recording's simulated length, so a fetched file plays, and its header (what the
 * worker checks) says what Asterisk's `wav` (8 kHz) or `wav16` (16 kHz) format would.
 */
const TONE_HZ = 440;
const AMPLITUDE = 3000; // about -21 dBFS: audible, never clipping

/** Sample rate by ARI recording format; formats without an entry have no simulated file. */
export const SIM_FILE_RATES: Readonly<Record<string, number>> = { wav: 8000, wav16: 16000 };

export function toneWav(durationMs: number, sampleRate: number): Buffer {
  const samples = Math.max(0, Math.round((durationMs / 1000) * sampleRate));
  const dataBytes = samples * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write("WAVE", 8, "ascii");
  out.write("fmt ", 12, "ascii");
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write("data", 36, "ascii");
  out.writeUInt32LE(dataBytes, 40);
  const step = (2 * Math.PI * TONE_HZ) / sampleRate;
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(AMPLITUDE * Math.sin(i * step)), 44 + i * 2);
  return out;
}
