import { describe, expect, it } from "vitest";
import { DIRECT_CLIENT, clientIp } from "./client-ip";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientIp", () => {
  it("ignores a forged X-Forwarded-For without a trusted proxy", () => {
    expect(clientIp(h(), false)).toBe(DIRECT_CLIENT);
    expect(clientIp(h("203.0.113.5"), false)).toBe(DIRECT_CLIENT);
    expect(clientIp(h("198.51.100.7, 203.0.113.5"), false)).toBe(DIRECT_CLIENT);
  });

  it("takes the address the trusted proxy appended, not what the client wrote before it", () => {
    expect(clientIp(h("203.0.113.5"), true)).toBe("203.0.113.5");
    expect(clientIp(h("198.51.100.7, 203.0.113.5"), true)).toBe("203.0.113.5");
  });

  it("counts hops from the right behind several proxies", () => {
    expect(clientIp(h("198.51.100.7, 203.0.113.5, 10.0.0.2"), true, 2)).toBe("203.0.113.5");
    expect(clientIp(h("203.0.113.5"), true, 2)).toBe("203.0.113.5");
  });

  it("falls back to unknown behind a proxy that sent no header", () => {
    expect(clientIp(h(), true)).toBe("unknown");
  });
});
