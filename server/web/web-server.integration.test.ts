import type http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SEAL_HEADER, readClientAddress } from "./client-address-header";
import { closeGracefully, createWebServer, listen } from "./web-server";

/** What the app behind the server sees: the address as the app reads it, and the raw headers. */
type Seen = { clientAddress: string; headers: http.IncomingHttpHeaders; rawHeaders: string[] };

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeGracefully(server, 100)));
});

/** Our server in front of a handler that reports what it received, read the way the app reads it. */
async function start(trustedHops: number, host = "127.0.0.1") {
  const server = createWebServer({
    trustedHops,
    handle: (req, res) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const seen: Seen = { clientAddress: readClientAddress(headers), headers: req.headers, rawHeaders: req.rawHeaders };
      const body = JSON.stringify(seen);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    },
  });
  servers.push(server);
  return { server, port: await listen(server, 0, host) };
}

/** A request written byte for byte, so duplicate and odd-case headers reach the server as sent. */
function rawRequest(port: number, headerLines: string[]): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(["GET / HTTP/1.1", "Host: portal.test", "Connection: close", ...headerLines, "", ""].join("\r\n"));
    });
    let response = "";
    socket.on("data", (chunk: Buffer) => (response += chunk.toString("utf8")));
    socket.on("end", () => {
      const body = response.slice(response.indexOf("\r\n\r\n") + 4);
      try {
        resolve(JSON.parse(body) as Seen);
      } catch {
        reject(new Error(`not JSON: ${response}`));
      }
    });
    socket.on("error", reject);
  });
}

const FORGED = [
  "X-Forwarded-For: 203.0.113.66",
  "x-forwarded-for: 198.51.100.1",
  "X-Centrex-Client-IP: 6.6.6.6",
  "x-centrex-client-ip: 7.7.7.7",
  "X-Centrex-Client-IP-Seal: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
];

describe("[WEB] the web server writes the client's address from the socket", () => {
  it("without a trusted proxy, drops a forged private header and forged X-Forwarded-For", async () => {
    const { port } = await start(0);
    const seen = await rawRequest(port, FORGED);
    expect(seen.clientAddress).toBe("127.0.0.1");
    expect(seen.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    // Nothing the client wrote survives in the raw list either.
    const raw = seen.rawHeaders.join("\n");
    for (const forged of ["203.0.113.66", "198.51.100.1", "6.6.6.6", "7.7.7.7", "AAAAAAAA"]) expect(raw).not.toContain(forged);
  });

  it("gives every request its own address, so forged headers cannot make two clients one bucket either", async () => {
    const { port } = await start(0);
    const answers = await Promise.all([rawRequest(port, FORGED), rawRequest(port, []), rawRequest(port, ["X-Forwarded-For: 127.0.0.1"])]);
    expect(answers.map((a) => a.clientAddress)).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  });

  it("on a dual-stack socket, counts an IPv4 client as IPv4", async () => {
    const { port } = await start(0, "::");
    const seen = await rawRequest(port, ["X-Forwarded-For: 203.0.113.66"]);
    expect(seen.clientAddress).toBe("127.0.0.1");
  });

  it("behind one trusted proxy, takes the entry the proxy appended, not those the client wrote", async () => {
    const { port } = await start(1);
    const seen = await rawRequest(port, ["X-Forwarded-For: 6.6.6.6, 7.7.7.7", "X-Forwarded-For: 203.0.113.5", "X-Centrex-Client-IP: 6.6.6.6"]);
    expect(seen.clientAddress).toBe("203.0.113.5");
    // The proxy's header is left as it came; the app reads only ours.
    expect(seen.headers["x-forwarded-for"]).toBe("6.6.6.6, 7.7.7.7, 203.0.113.5");
  });

  it("behind two trusted proxies, takes the second entry from the right; with fewer, the leftmost", async () => {
    const { port } = await start(2);
    expect((await rawRequest(port, ["X-Forwarded-For: 6.6.6.6, 203.0.113.5, 10.0.0.2"])).clientAddress).toBe("203.0.113.5");
    expect((await rawRequest(port, ["X-Forwarded-For: 10.0.0.2"])).clientAddress).toBe("10.0.0.2");
    expect((await rawRequest(port, [])).clientAddress).toBe("127.0.0.1");
  });

  it("behind a proxy, falls back to the socket when the proxies' entry is junk", async () => {
    const { port } = await start(1);
    expect((await rawRequest(port, ["X-Forwarded-For: 203.0.113.5, unknown"])).clientAddress).toBe("127.0.0.1");
  });

  it("the app refuses an address nobody stamped, even one carrying a made-up seal", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6", [CLIENT_ADDRESS_SEAL_HEADER]: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(() => readClientAddress(headers)).toThrow(/did not pass through the web server/);
    expect(() => readClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6" }))).toThrow(/did not pass through/);
  });
});

describe("[WEB] graceful shutdown", () => {
  it("finishes a request in flight, refuses new connections, and cuts a stream that never ends", async () => {
    const server = createWebServer({
      trustedHops: 0,
      handle: async (req, res) => {
        if (req.url === "/events") {
          res.writeHead(200, { "content-type": "text/event-stream" }).write(": open\n\n");
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        res.end("done");
      },
    });
    const port = await listen(server, 0, "127.0.0.1");
    const events = await fetch(`http://127.0.0.1:${port}/events`);
    const slow = fetch(`http://127.0.0.1:${port}/slow`).then((res) => res.text());
    await new Promise((resolve) => setTimeout(resolve, 50)); // the slow request is in the handler

    const started = Date.now();
    const closing = closeGracefully(server, 1_000);
    expect(await slow).toBe("done");
    await expect(fetch(`http://127.0.0.1:${port}/late`)).rejects.toThrow();
    await closing;
    // The open stream held the server until the grace ran out, then was cut.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(events.text()).rejects.toThrow();
  });
});
