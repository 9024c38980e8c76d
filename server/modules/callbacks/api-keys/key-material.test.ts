import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, generateApiKey, hashApiKey, looksLikeApiKey } from "./key-material";

describe("API key material", () => {
  it("makes cbk_ keys of 43 base64url characters with a 12-character prefix and a SHA-256", () => {
    const { key, prefix, secretHash } = generateApiKey();
    expect(key).toMatch(API_KEY_PATTERN);
    expect(key).toHaveLength(47);
    expect(prefix).toBe(key.slice(0, 12));
    expect(secretHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hashApiKey(key)).toBe(secretHash);
  });

  it("never repeats a key, and decodes to 32 random bytes", () => {
    const keys = new Set(Array.from({ length: 500 }, () => generateApiKey().key));
    expect(keys.size).toBe(500);
    const [one] = keys;
    expect(Buffer.from(one!.slice(4), "base64url")).toHaveLength(32);
  });

  it("tells a possible key from anything else", () => {
    expect(looksLikeApiKey(generateApiKey().key)).toBe(true);
    for (const bad of ["", "cbk_", `cbk_${"a".repeat(42)}`, `cbk_${"a".repeat(44)}`, `xyz_${"a".repeat(43)}`, `cbk_${"a".repeat(42)}=`, `cbk_${"a".repeat(42)}\n`]) {
      expect(looksLikeApiKey(bad)).toBe(false);
    }
  });
});
