import { describe, expect, it } from "vitest";
import { parseRange, safeFileName } from "./media-response";
import { isCrossSiteRequest } from "./same-origin";

describe("parseRange", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=500-5000", { start: 500, end: 999 }],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=0-1,5-6", null],
    ["bytes=9-3", null],
    ["items=0-1", null],
  ])("%s of 1000 bytes", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe("safeFileName", () => {
  it("keeps a plain name and drops what could break a header or a path", () => {
    expect(safeFileName("Welcome (main).wav", "x")).toBe("Welcome main.wav");
    expect(safeFileName('a"\r\nContent-Type: x', "x")).toBe("aContent-Type x");
    expect(safeFileName("../../etc/passwd", "x")).toBe("etcpasswd");
    expect(safeFileName("Ünïcode", "x")).toBe("Unicode");
    expect(safeFileName("€€€", "prompt")).toBe("prompt");
  });
});

describe("isCrossSiteRequest", () => {
  const req = (headers: Record<string, string>) => new Request("http://portal.example/api/media/prompts", { method: "POST", headers });
  it("trusts the browser's Sec-Fetch-Site first, then Origin against Host", () => {
    expect(isCrossSiteRequest(req({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(req({ "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossSiteRequest(req({ "sec-fetch-site": "cross-site", origin: "http://portal.example", host: "portal.example" }))).toBe(true);
    expect(isCrossSiteRequest(req({ origin: "http://portal.example", host: "portal.example" }))).toBe(false);
    expect(isCrossSiteRequest(req({ origin: "https://evil.example", host: "portal.example" }))).toBe(true);
    expect(isCrossSiteRequest(req({ origin: "null", host: "portal.example" }))).toBe(true);
    expect(isCrossSiteRequest(req({}))).toBe(false);
  });
});
