import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio } from "./contrast";

describe("contrastRatio", () => {
  it("matches WCAG's reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 on white is the classic lightest grey that passes AA (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio("#1d4ed8", "#ffffff")).toBeGreaterThan(6);
  });

  it("does not depend on which colour is the background", () => {
    expect(contrastRatio("#1d4ed8", "#fef08a")).toBeCloseTo(contrastRatio("#fef08a", "#1d4ed8"), 10);
  });

  it("never rounds a failing ratio up to a passing one", () => {
    expect(formatRatio(4.499)).toBe("4.4:1");
    expect(formatRatio(21)).toBe("21.0:1");
  });
});
