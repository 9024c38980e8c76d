import { describe, expect, it } from "vitest";
import { MAX_REPORTED_LINES, multiLine, singleLine, textProblem } from "./text";

describe("textProblem", () => {
  it("accepts ordinary text in any script, emoji (surrogate pairs) and non-breaking spaces", () => {
    for (const text of ["Zoë Ångström", "株式会社", "مرحبا", "Call 😀 now", "£4.99\u00a0/month", "O'Brien & Sons (UK)"]) {
      expect(textProblem(text, "singleLine"), text).toBeNull();
    }
  });

  it("refuses NUL, the other C0 controls, DEL and C1, naming the character", () => {
    expect(textProblem("a\u0000b", "singleLine")).toBe("Remove the control character U+0000; it cannot be typed or stored");
    expect(textProblem("a\u001bb", "multiLine")).toContain("U+001B");
    expect(textProblem("a\u007fb", "singleLine")).toContain("U+007F");
    expect(textProblem("a\u0085b", "multiLine")).toContain("U+0085");
  });

  it("refuses line breaks and tabs on one line and keeps them in multi-line text", () => {
    expect(textProblem("a\nb", "singleLine")).toBe("Use one line: remove the line break");
    expect(textProblem("a\r\nb", "singleLine")).toBe("Use one line: remove the line break");
    expect(textProblem("a\u2028b", "singleLine")).toBe("Use one line: remove the line break");
    expect(textProblem("a\tb", "singleLine")).toBe("Use one line: remove the tab");
    expect(textProblem("a\nb\r\nc\td", "multiLine")).toBeNull();
  });

  it("refuses bidirectional controls on one line, where they disguise names and file types", () => {
    expect(textProblem("invoice\u202efdp.exe", "singleLine")).toBe("Remove the text-direction control U+202E");
    expect(textProblem("a\u2066b", "singleLine")).toContain("U+2066");
  });

  it("refuses a lone surrogate, which is not text", () => {
    expect(textProblem("a\ud800b", "singleLine")).toMatch(/unpaired surrogate/);
    expect(textProblem("a\udc00", "multiLine")).toMatch(/unpaired surrogate/);
  });
});

describe("singleLine", () => {
  it("trims first, then checks, then runs the checks chained after it", () => {
    const name = singleLine().min(2, "Too short");
    expect(name.parse("  Bob\n")).toBe("Bob");
    expect(name.safeParse("B").error?.issues.map((i) => i.message)).toEqual(["Too short"]);
    // One message for the field: the control character, not also "Too short".
    expect(name.safeParse("\u0000").error?.issues.map((i) => i.message)).toEqual(["Remove the control character U+0000; it cannot be typed or stored"]);
  });

  it("keeps surrounding whitespace when asked (passwords are taken as typed)", () => {
    expect(singleLine({ trim: false }).parse(" secret ")).toBe(" secret ");
    expect(singleLine({ trim: false }).safeParse(" secret\n").success).toBe(false);
  });
});

describe("multiLine", () => {
  it("reports each bad line by number", () => {
    const issues = multiLine().safeParse("ok\nb\u0000d\nok\r\ne\u0007").error?.issues.map((i) => i.message);
    expect(issues).toEqual([
      "Line 2: Remove the control character U+0000; it cannot be typed or stored",
      "Line 4: Remove the control character U+0007; it cannot be typed or stored",
    ]);
  });

  it(`reports at most ${MAX_REPORTED_LINES} lines and counts the rest`, () => {
    const text = Array.from({ length: 25 }, () => "x\u0000").join("\n");
    const issues = multiLine().safeParse(text).error?.issues.map((i) => i.message) ?? [];
    expect(issues).toHaveLength(MAX_REPORTED_LINES + 1);
    expect(issues.at(-1)).toBe("…and 15 more lines like these");
  });
});
