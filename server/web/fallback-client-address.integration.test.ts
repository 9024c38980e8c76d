import http from "node:http";
import { afterAll, describe, expect, it, vi } from "vitest";
import { readClientAddress } from "./client-address-header";
import { installFallbackClientAddress } from "./fallback-client-address";
import { closeGracefully, listen } from "./web-server";

// A plain Node server, as `next start` runs one: nothing of ours in front of the handler.
const server = http.createServer((req, res) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  try {
    res.end(readClientAddress(headers));
  } catch (err) {
    res.writeHead(500).end((err as Error).message);
  }
});
const port = await listen(server, 0, "127.0.0.1");
afterAll(() => closeGracefully(server, 100));

const ask = async (headers: Record<string, string>) => {
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return { status: res.status, body: await res.text() };
};
const FORGED = { "x-forwarded-for": "203.0.113.66", "x-centrex-client-ip": "6.6.6.6" };

describe("[WEB] the fallback for an app started without our web server", () => {
  it("before it is installed, the app refuses the forged address instead of counting it", async () => {
    expect(await ask(FORGED)).toEqual({ status: 500, body: expect.stringMatching(/did not pass through the web server/) });
  });

  it("once installed, stamps every request from its socket and says so loudly", async () => {
    const log = { warn: vi.fn() };
    expect(installFallbackClientAddress(0, log)).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/started without its web server/));
    expect(await ask(FORGED)).toEqual({ status: 200, body: "127.0.0.1" });
    expect(await ask({})).toEqual({ status: 200, body: "127.0.0.1" });
  });

  it("stays out of the way when a stamper is already there (our web server, or itself)", () => {
    const log = { warn: vi.fn() };
    expect(installFallbackClientAddress(1, log)).toBe(false);
    expect(log.warn).not.toHaveBeenCalled();
  });
});
