import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { CODE_LENGTH, codeMessage, generateCode, hashCode, isCodeMatch, isUsableAsCli, minutesUntilNextSend } from "./domain";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, randomInt: vi.fn(actual.randomInt) };
});

const SECRET = "a-test-secret-that-is-long-enough-0123";

describe("caller-ID codes", () => {
  it("are six digits from crypto.randomInt, zero-padded", () => {
    const randomInt = vi.mocked(crypto.randomInt);
    randomInt.mockReturnValueOnce(42 as never);
    expect(generateCode()).toBe("000042");
    expect(randomInt).toHaveBeenLastCalledWith(0, 1_000_000);
    const codes = Array.from({ length: 200 }, generateCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^\\d{${CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBeGreaterThan(190); // not a constant, not a short cycle
  });

  it("hash with the secret and the verification id, and match only the right code", () => {
    const hash = hashCode(SECRET, "ver-1", "123456");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("123456");
    expect(isCodeMatch(SECRET, "ver-1", "123456", hash)).toBe(true);
    expect(isCodeMatch(SECRET, "ver-1", "123457", hash)).toBe(false);
    // The same code on another verification, or under another secret, is another hash.
    expect(isCodeMatch(SECRET, "ver-2", "123456", hash)).toBe(false);
    expect(isCodeMatch(`${SECRET}-rotated`, "ver-1", "123456", hash)).toBe(false);
    expect(isCodeMatch(SECRET, "ver-1", "123456", "abcd")).toBe(false); // a malformed stored hash never matches
  });

  it("say how long until a number may get another code", () => {
    const sentAt = new Date("2026-01-01T10:00:00Z");
    expect(minutesUntilNextSend(sentAt, new Date("2026-01-01T10:01:30Z"))).toBe(9);
    expect(minutesUntilNextSend(sentAt, new Date("2026-01-01T10:09:59Z"))).toBe(1);
  });

  it("name the partner and the lifetime in the text", () => {
    expect(codeMessage("Demo Telecom", "123456")).toBe("Your Demo Telecom verification code is 123456. It expires in 10 minutes.");
  });

  it("let an unverified mobile be caller ID only under the policy", () => {
    expect(isUsableAsCli({ verifiedAt: new Date() }, { allowUnverifiedMobileCli: false })).toBe(true);
    expect(isUsableAsCli({ verifiedAt: null }, { allowUnverifiedMobileCli: false })).toBe(false);
    expect(isUsableAsCli({ verifiedAt: null }, { allowUnverifiedMobileCli: true })).toBe(true);
  });
});
