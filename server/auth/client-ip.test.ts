import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientIp", () => {
  it("trusts the first hop only behind a proxy", () => {
    expect(clientIp(h("203.0.113.5, 10.0.0.1"), true)).toBe("203.0.113.5");
    expect(clientIp(h("203.0.113.5, 10.0.0.1"), false)).toBe("10.0.0.1");
  });
  it("falls back to unknown", () => {
    expect(clientIp(h(), false)).toBe("unknown");
  });
});
