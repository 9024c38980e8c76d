/**
 * Reads the format of a RIFF/WAVE file: what the converted prompt must be for Asterisk (8 kHz,
 * mono, 16-bit PCM) is checked here on the converter's output, never assumed. Pure; walks the
 * chunk list, so a LIST/fact chunk before "data" is fine.
 */
export interface WavFormat {
  /** 1 = PCM; 0xFFFE (WAVE_FORMAT_EXTENSIBLE) is reported as such, not unwrapped. */
  formatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
  durationMs: number;
}

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);

/** The format, or null when `bytes` is not a readable WAVE file. */
export function readWavFormat(bytes: Uint8Array): WavFormat | null {
  if (bytes.length < 12 || ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavFormat, "dataBytes" | "durationMs"> | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt " && size >= 16 && body + 16 <= bytes.length) {
      fmt = {
        formatTag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (fmt === null || fmt.channels === 0 || fmt.sampleRate === 0 || fmt.bitsPerSample === 0) return null;
      // A streamed writer may leave the size at 0 or 0xFFFFFFFF: the bytes present are what plays.
      const dataBytes = Math.min(size, bytes.length - body);
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataBytes, durationMs: Math.round((dataBytes / bytesPerSecond) * 1000) };
    }
    at = body + size + (size % 2); // chunks are padded to an even length
  }
  return null;
}

/** What Asterisk's `sound:` player reads as a .wav without transcoding: 8 kHz mono 16-bit PCM. */
export function isAsteriskWav(format: WavFormat): boolean {
  return format.formatTag === 1 && format.channels === 1 && format.sampleRate === 8000 && format.bitsPerSample === 16;
}
