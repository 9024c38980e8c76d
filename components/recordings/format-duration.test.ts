import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it.each([[0, "0:00"], [7_400, "0:07"], [125_000, "2:05"], [3_723_000, "1:02:03"]])("%i ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
