import { readFileSync } from "node:fs";
import { Script } from "node:vm";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const SOURCE = readFileSync(new URL("../../../../public/callback-widget/v1.js", import.meta.url), "utf8");

describe("[CALLBACKS] the widget script", () => {
  it("stays under 15 KB gzipped (the issue's budget)", () => {
    const gzipped = gzipSync(Buffer.from(SOURCE), { level: 9 }).byteLength;
    expect(gzipped).toBeGreaterThan(1000); // the real file, not an empty one
    expect(gzipped).toBeLessThan(15 * 1024);
  });

  it("is plain script any page can load (it parses as a classic script, no imports)", () => {
    expect(() => new Script(SOURCE, { filename: "v1.js" })).not.toThrow();
    expect(SOURCE).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("never writes server texts as HTML", () => {
    expect(SOURCE).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
