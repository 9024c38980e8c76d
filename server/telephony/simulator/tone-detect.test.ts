import { describe, expect, it } from "vitest";
import type { SimChannel } from "./sim-types";
import { isToneDetectArmed, writeToneDetect } from "./tone-detect";

const channel = () => ({ vars: new Map() }) as unknown as SimChannel;

describe("simulated TONE_DETECT", () => {
  it("arms on a write naming the frequency and disarms with option x", () => {
    const ch = channel();
    expect(writeToneDetect(ch, "TONE_DETECT(1100,500,r)")).toBe(true);
    expect(isToneDetectArmed(ch, 1100)).toBe(true);
    expect(isToneDetectArmed(ch, 2600)).toBe(false);
    expect(writeToneDetect(ch, "TONE_DETECT(1100,,x)")).toBe(true);
    expect(isToneDetectArmed(ch, 1100)).toBe(false);
  });

  it("leaves ordinary variables to the variable store", () => {
    const ch = channel();
    expect(writeToneDetect(ch, "VOICEMAIL_GREETING")).toBe(false);
    expect(writeToneDetect(ch, "TONE_DETECT(0,,b)")).toBe(true);
    expect(isToneDetectArmed(ch, 1100)).toBe(false);
  });
});
