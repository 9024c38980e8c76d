import { describe, expect, it } from "vitest";
import { formatWait } from "./domain";

describe("formatWait", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [125, "2 min 5 s"],
    [300, "5 min"],
    [5400, "1 h 30 min"],
    [7200, "2 h"],
  ])("says %i seconds as %s", (seconds, words) => expect(formatWait(seconds)).toBe(words));
});
