import { describe, expect, it } from "vitest";
import { asteriskSoundUri } from "./asterisk-sound-uri";

describe("asteriskSoundUri", () => {
  it("is sound: and the absolute path without .wav", () => {
    expect(asteriskSoundUri("/var/lib/centrex/media/t1/prompts/p1.wav")).toBe("sound:/var/lib/centrex/media/t1/prompts/p1");
  });

  it.each([
    ["a relative path", "media/t1/prompts/p1.wav"],
    ["a path that climbs", "/var/lib/../../etc/p1.wav"],
    ["another extension", "/var/lib/p1.gsm"],
    ["a comma, which ARI would split into two media", "/var/lib/a,b.wav"],
    ["a space", "/var/lib/a b.wav"],
    ["a line break", "/var/lib/a\nb.wav"],
  ])("refuses %s", (_what, file) => {
    expect(() => asteriskSoundUri(file)).toThrow();
  });
});
