import { afterEach, describe, expect, it } from "vitest";
import { open, seal, secretHint } from "./secret-box";

const original = process.env.INTEGRATIONS_SECRET;
afterEach(() => {
  process.env.INTEGRATIONS_SECRET = original;
});

describe("secret box", () => {
  it("round-trips, with a fresh IV each time", () => {
    process.env.INTEGRATIONS_SECRET = "a".repeat(40);
    const a = seal("KEY0123456789");
    expect(a).not.toContain("KEY0123456789");
    expect(seal("KEY0123456789")).not.toBe(a);
    expect(open(a)).toBe("KEY0123456789");
    expect(secretHint("KEY0123456789")).toBe("••••6789");
  });

  it("refuses a tampered value and a changed secret", () => {
    process.env.INTEGRATIONS_SECRET = "a".repeat(40);
    const sealed = seal("secret");
    const parts = sealed.split(".");
    const flipped = parts[3]!.startsWith("A") ? "B" + parts[3]!.slice(1) : "A" + parts[3]!.slice(1);
    expect(() => open([parts[0], parts[1], parts[2], flipped].join("."))).toThrow(/cannot be opened/);
    process.env.INTEGRATIONS_SECRET = "b".repeat(40);
    expect(() => open(sealed)).toThrow(/cannot be opened/);
    expect(() => open("garbage")).toThrow(/known format/);
    expect(() => open("v1.short.tag.body")).toThrow(/cannot be opened/);
  });
});
