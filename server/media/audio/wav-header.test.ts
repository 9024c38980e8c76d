import { describe, expect, it } from "vitest";
import { isAsteriskWav, readWavFormat } from "./wav-header";

/** A WAVE file with the given format, optional chunks before "data", and `dataBytes` of silence. */
function wav(opts: { rate: number; channels: number; bits: number; dataBytes: number; tag?: number; extraChunk?: string; declaredData?: number }): Uint8Array {
  const extra = opts.extraChunk === undefined ? [] : [chunk(opts.extraChunk, new Uint8Array(3))];
  const fmt = new Uint8Array(16);
  const v = new DataView(fmt.buffer);
  v.setUint16(0, opts.tag ?? 1, true);
  v.setUint16(2, opts.channels, true);
  v.setUint32(4, opts.rate, true);
  v.setUint32(8, opts.rate * opts.channels * (opts.bits / 8), true);
  v.setUint16(12, opts.channels * (opts.bits / 8), true);
  v.setUint16(14, opts.bits, true);
  const data = chunk("data", new Uint8Array(opts.dataBytes), opts.declaredData);
  const body = concat([text("WAVE"), chunk("fmt ", fmt), ...extra, data]);
  const header = concat([text("RIFF"), u32(body.length)]);
  return concat([header, body]);
}
const text = (s: string) => new TextEncoder().encode(s);
const u32 = (n: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n >>> 0, true); return b; };
function chunk(id: string, body: Uint8Array, declared = body.length): Uint8Array {
  return concat([text(id), u32(declared), body, body.length % 2 === 1 ? new Uint8Array(1) : new Uint8Array(0)]);
}
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

describe("readWavFormat", () => {
  it("reads an 8 kHz mono 16-bit file and its length", () => {
    const format = readWavFormat(wav({ rate: 8000, channels: 1, bits: 16, dataBytes: 24_000 }));
    expect(format).toEqual({ formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16, dataBytes: 24_000, durationMs: 1500 });
    expect(isAsteriskWav(format!)).toBe(true);
  });

  it("walks past other chunks (odd-sized, padded) to the data", () => {
    const format = readWavFormat(wav({ rate: 8000, channels: 1, bits: 16, dataBytes: 1600, extraChunk: "LIST" }));
    expect(format?.durationMs).toBe(100);
  });

  it("rejects what Asterisk would transcode: stereo, 44.1 kHz, 8-bit, non-PCM", () => {
    for (const opts of [
      { rate: 8000, channels: 2, bits: 16 },
      { rate: 44_100, channels: 1, bits: 16 },
      { rate: 8000, channels: 1, bits: 8 },
      { rate: 8000, channels: 1, bits: 16, tag: 3 },
    ]) {
      expect(isAsteriskWav(readWavFormat(wav({ ...opts, dataBytes: 800 }))!), JSON.stringify(opts)).toBe(false);
    }
  });

  it("counts only the bytes present when the data size is left open by a streaming writer", () => {
    expect(readWavFormat(wav({ rate: 8000, channels: 1, bits: 16, dataBytes: 800, declaredData: 0xffffffff }))?.durationMs).toBe(50);
  });

  it("returns null for non-WAVE input, a missing fmt chunk and truncation", () => {
    expect(readWavFormat(text("RIFF\0\0\0\0AVI LIST"))).toBeNull();
    expect(readWavFormat(text("hello world, not audio"))).toBeNull();
    expect(readWavFormat(concat([text("RIFF"), u32(12), text("WAVE"), chunk("data", new Uint8Array(8))]))).toBeNull();
    expect(readWavFormat(wav({ rate: 8000, channels: 1, bits: 16, dataBytes: 800 }).subarray(0, 30))).toBeNull();
  });
});
