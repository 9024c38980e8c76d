import { describe, expect, it } from "vitest";
import { callStatusOf } from "./call-status";

describe("callStatusOf", () => {
  it.each([
    ["ANSWERED", "answered"],
    ["NO_ANSWER", "missed"],
    ["VOICEMAIL", "missed"],
    ["BUSY", "busy"],
    ["FAILED", "failed"],
    ["REJECTED", "failed"],
  ] as const)("%s is %s", (disposition, status) => {
    expect(callStatusOf(disposition)).toBe(status);
  });
});
