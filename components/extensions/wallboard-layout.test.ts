import { describe, expect, it } from "vitest";
import { wallboardLayout } from "./wallboard-layout";

describe("[EXTENSIONS] wallboard layout", () => {
  const SCREEN = { width: 1920, height: 1040 }; // 1080p minus the wallboard's top bar

  it.each([10, 50, 120, 200, 350, 500])("fits %i tiles on a 1080p screen", (count) => {
    const l = wallboardLayout(count, SCREEN.width, SCREEN.height);
    expect(l.columns * l.rows).toBeGreaterThanOrEqual(count);
    expect(l.columns * l.tileWidth + (l.columns - 1) * l.gapPx).toBeLessThanOrEqual(SCREEN.width);
    expect(l.rows * l.tileHeight + (l.rows - 1) * l.gapPx).toBeLessThanOrEqual(SCREEN.height);
    expect(l.numberFontPx).toBeGreaterThanOrEqual(14);
    // Everything shown fits the tile's height: the number and the label lines.
    expect(6 + l.numberFontPx * 1.05 + l.labelLines * l.labelFontPx * 1.2).toBeLessThanOrEqual(l.tileHeight);
  });

  it("shows name and caller on 200 tiles, and at least the state on 500", () => {
    expect(wallboardLayout(200, SCREEN.width, SCREEN.height).labelLines).toBe(3);
    expect(wallboardLayout(500, SCREEN.width, SCREEN.height).labelLines).toBeGreaterThanOrEqual(1);
  });

  it("keeps 200 extensions readable from a distance (number at least 20 px)", () => {
    expect(wallboardLayout(200, SCREEN.width, SCREEN.height).numberFontPx).toBeGreaterThanOrEqual(20);
  });

  it("shrinks tiles as the count grows, and gives few extensions big text", () => {
    const sizes = [10, 50, 200, 500].map((n) => wallboardLayout(n, SCREEN.width, SCREEN.height).numberFontPx);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(sizes[0]).toBeGreaterThanOrEqual(60);
  });
});
