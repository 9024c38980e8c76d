import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseAddress, resolveClientAddress, UNKNOWN_ADDRESS } from "./client-address";

const resolve = (socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number) =>
  resolveClientAddress({ socketAddress, forwardedFor, trustedHops });

describe("resolveClientAddress", () => {
  describe("without a trusted proxy", () => {
    it("counts the socket's address and ignores whatever X-Forwarded-For says", () => {
      expect(resolve("198.51.100.7", undefined, 0)).toBe("198.51.100.7");
      expect(resolve("198.51.100.7", "203.0.113.5", 0)).toBe("198.51.100.7");
      expect(resolve("198.51.100.7", "203.0.113.5, 10.0.0.1", 0)).toBe("198.51.100.7");
    });

    it("spells an IPv4 client on a dual-stack socket as IPv4", () => {
      expect(resolve("::ffff:192.0.2.44", undefined, 0)).toBe("192.0.2.44");
      expect(resolve("::FFFF:192.0.2.44", undefined, 0)).toBe("192.0.2.44");
      expect(resolve("::ffff:c000:22c", undefined, 0)).toBe("192.0.2.44");
    });

    it("spells one IPv6 address one way", () => {
      expect(resolve("2001:DB8:0:0:0:0:0:1", undefined, 0)).toBe("2001:db8::1");
      expect(resolve("::1", undefined, 0)).toBe("::1");
    });

    it("treats a hop count that is not a positive whole number as no proxy", () => {
      for (const hops of [-1, 0.5, Number.NaN, "2" as unknown as number, undefined as unknown as number]) {
        expect(resolve("198.51.100.7", "203.0.113.5", hops)).toBe("198.51.100.7");
      }
    });

    it("says unknown only when the socket has no address", () => {
      expect(resolve(undefined, "203.0.113.5", 0)).toBe(UNKNOWN_ADDRESS);
    });
  });

  describe("behind trusted proxies", () => {
    it("one proxy: the entry it appended, not the ones the client wrote before it", () => {
      expect(resolve("10.0.0.1", "203.0.113.5", 1)).toBe("203.0.113.5");
      expect(resolve("10.0.0.1", "198.51.100.99, 203.0.113.5", 1)).toBe("203.0.113.5");
      expect(resolve("10.0.0.1", "1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.5", 1)).toBe("203.0.113.5");
    });

    it("two proxies: the entry the outer one appended, second from the right", () => {
      // client 203.0.113.5 -> outer proxy (appends it) -> inner proxy 10.0.0.2 (appends outer) -> us
      expect(resolve("10.0.0.3", "203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
      expect(resolve("10.0.0.3", "198.51.100.99, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
    });

    it("fewer entries than proxies: the leftmost, which one of ours wrote", () => {
      expect(resolve("10.0.0.3", "10.0.0.2", 2)).toBe("10.0.0.2");
      expect(resolve("10.0.0.3", "10.0.0.2", 3)).toBe("10.0.0.2");
    });

    it("no header at all: the socket", () => {
      expect(resolve("10.0.0.3", undefined, 1)).toBe("10.0.0.3");
      expect(resolve("10.0.0.3", "", 1)).toBe("10.0.0.3");
      expect(resolve("10.0.0.3", " , ,", 2)).toBe("10.0.0.3");
    });

    it("takes the forms proxies write: brackets, ports, IPv4-mapped, spaces", () => {
      expect(resolve("10.0.0.1", "[2001:db8::7]:443", 1)).toBe("2001:db8::7");
      expect(resolve("10.0.0.1", "[2001:db8::7]", 1)).toBe("2001:db8::7");
      expect(resolve("10.0.0.1", "203.0.113.5:51234", 1)).toBe("203.0.113.5");
      expect(resolve("10.0.0.1", "::ffff:203.0.113.5", 1)).toBe("203.0.113.5");
      expect(resolve("10.0.0.1", "x,   203.0.113.5   ", 1)).toBe("203.0.113.5");
    });
  });

  describe("hostile headers", () => {
    it("never counts a picked entry that is not an address: the socket instead", () => {
      for (const junk of ["unknown", "evil.example", "203.0.113.5;drop", "203.0.113.256", "1.2.3.4.5", "<script>", "1.2.3.4 5.6.7.8", "0x7f.1", "%00"]) {
        expect(resolve("10.0.0.1", junk, 1)).toBe("10.0.0.1");
      }
    });

    it("refuses an oversized entry rather than counting a prefix of it", () => {
      expect(resolve("10.0.0.1", `203.0.113.5${" ".repeat(100)}x`, 1)).toBe("10.0.0.1");
      expect(resolve("10.0.0.1", "1".repeat(10_000), 1)).toBe("10.0.0.1");
    });

    it("finds the proxies' entries at the end of a header padded with thousands of forged ones", () => {
      const padding = Array.from({ length: 200_000 }, (_, i) => `10.${i % 250}.0.1`).join(",");
      expect(resolve("10.0.0.1", `${padding},203.0.113.5`, 1)).toBe("203.0.113.5");
      expect(resolve("10.0.0.1", `${padding},203.0.113.5,10.0.0.2`, 2)).toBe("203.0.113.5");
    });

    it("cannot be steered by what a client smuggles into the header", () => {
      // Attempts to inject a second header or a second list through one value.
      expect(resolve("10.0.0.1", "203.0.113.5\r\nx-centrex-client-ip: 6.6.6.6", 1)).toBe("10.0.0.1");
      expect(resolve("10.0.0.1", "6.6.6.6\n, 203.0.113.5", 1)).toBe("203.0.113.5");
      expect(resolve("10.0.0.1", "203.0.113.5\u0000", 1)).toBe("10.0.0.1");
    });

    it("whatever the client prepends, the pick is the proxies' entry (property)", () => {
      const entry = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 30 }));
      fc.assert(
        fc.property(fc.array(entry, { maxLength: 20 }), fc.integer({ min: 1, max: 4 }), (forged, hops) => {
          const trusted = ["203.0.113.5", "10.0.0.2", "10.0.0.3", "10.0.0.4"].slice(0, hops);
          // A client's own commas cannot shift entries across the boundary: it only writes on the left.
          const header = [...forged.map((f) => f.replaceAll(",", "")), ...trusted].join(", ");
          expect(resolve("10.0.0.9", header, hops)).toBe("203.0.113.5");
        }),
      );
    });

    it("without a trusted proxy, no header whatsoever changes the answer (property)", () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 500 }), (header) => {
          expect(resolve("192.0.2.1", header, 0)).toBe("192.0.2.1");
        }),
      );
    });
  });
});

describe("normaliseAddress", () => {
  it("returns null for what is not an IP address", () => {
    for (const value of ["", " ", "localhost", "1.2.3", "::ffff:1.2.3.999", "[1.2.3.4", "1.2.3.4:", "a".repeat(65)]) {
      expect(normaliseAddress(value)).toBeNull();
    }
  });
});
