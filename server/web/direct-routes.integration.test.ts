import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readClientAddress } from "./client-address-header";
import { withDirectRoutes, type RouteModule } from "./direct-routes";
import { closeGracefully, createWebServer, listen } from "./web-server";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeGracefully(server, 100)));
});

/** Echoes what the handler received, so each test can see what the router made of a request. */
const echo: RouteModule = {
  async POST(request) {
    const body = await request.text();
    const headers = new Headers({ "content-type": "application/json", "x-seen": "1" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    return new Response(JSON.stringify({ body, url: request.url, method: request.method, client: readClientAddress(request.headers) }), { status: 201, headers });
  },
  GET: (request) => Response.json({ url: request.url, method: request.method }),
};

const withParams: RouteModule = {
  GET: async (_request, context) => Response.json(await (context.params as Promise<Record<string, string>>)),
};

/** Never reads the body, as the API does when the key is wrong. */
const refusesUnread: RouteModule = { POST: () => new Response("no", { status: 401 }) };

/** Reads a little, then gives up on the rest, as the API does with a body over its cap. */
const stopsReading: RouteModule = {
  async POST(request) {
    const reader = request.body!.getReader();
    await reader.read();
    await reader.cancel();
    return new Response("too large", { status: 413 });
  },
};

/** Whether a body cut off by the client reached the handler as an error (not a hang). */
let sawAbort: Promise<boolean> = Promise.resolve(false);
const readsAll: RouteModule = {
  POST(request) {
    const reading = request.text().then(
      () => false,
      () => true,
    );
    sawAbort = reading;
    return reading.then((aborted) => new Response(null, { status: aborted ? 400 : 204 }));
  },
};

async function start() {
  const server = createWebServer({
    trustedHops: 0,
    handle: withDirectRoutes(
      [
        { template: "/api/echo", module: echo },
        { template: "/api/items/{id}/parts/{part}", module: withParams },
        { template: "/api/refuse", module: refusesUnread },
        { template: "/api/partial", module: stopsReading },
        { template: "/api/read-all", module: readsAll },
        { template: "/api/doc.json", module: { GET: () => Response.json({ dot: true }) } },
      ],
      (req, res) => void res.writeHead(299, { "content-type": "text/plain" }).end(`next:${req.url}`),
    ),
  });
  servers.push(server);
  return `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
}

describe("[WEB_DIRECT_ROUTES] route modules served without Next", () => {
  it("hands the handler the body, the stamped client address and a URL that ignores the Host header, and sends its answer whole", async () => {
    const base = await start();
    const response = await fetch(`${base}/api/echo?x=1`, {
      method: "POST",
      headers: { host: "evil.example", "x-centrex-client-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.9" },
      body: "hello",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-seen")).toBe("1");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    const text = await response.text();
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual({ body: "hello", url: "http://localhost/api/echo?x=1", method: "POST", client: "127.0.0.1" });
  });

  it("passes decoded parameters, and leaves malformed escapes, trailing slashes and other paths to Next", async () => {
    const base = await start();
    expect(await (await fetch(`${base}/api/items/a%20b/parts/%C3%A9`)).json()).toEqual({ id: "a b", part: "é" });
    for (const path of ["/api/items/%E0%A4%A/parts/x", "/api/echo/", "/api/doc-json", "/elsewhere?api/echo"]) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status, body: await response.text() }).toEqual({ path, status: 299, body: `next:${path}` });
    }
  });

  it("answers HEAD with GET's headers and no body, OPTIONS with Allow, and a missing method with 405 and Allow", async () => {
    const base = await start();
    const head = await fetch(`${base}/api/doc.json`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(Buffer.byteLength(JSON.stringify({ dot: true })));
    expect(await head.text()).toBe("");
    const options = await fetch(`${base}/api/echo`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, OPTIONS, POST"]);
    const put = await fetch(`${base}/api/refuse`, { method: "PUT", body: "x" });
    expect([put.status, put.headers.get("allow")]).toEqual([405, "OPTIONS, POST"]);
  });

  it("tells the handler when the client goes away mid-body, and goes on serving", async () => {
    const base = await start();
    const { port } = new URL(base);
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("POST /api/read-all HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly ten b");
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    expect(await sawAbort).toBe(true);
    expect((await fetch(`${base}/api/echo`, { method: "POST", body: "after" })).status).toBe(201);
  });

  it("keeps a connection usable after answers that left the body unread or half read", async () => {
    const base = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, body: string) =>
      new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
        const req = http.request(`${base}${path}`, { method: "POST", agent }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode!, body: text, socket: req.socket }));
        });
        req.on("error", reject);
        req.end(body);
      });
    try {
      const answers = [];
      for (const path of ["/api/refuse", "/api/partial", "/api/echo"]) answers.push(await send(path, "x".repeat(200_000)));
      const last = await send("/api/echo", "last");
      expect(answers.map((a) => a.status)).toEqual([401, 413, 201]);
      expect(JSON.parse(answers[2]!.body).body).toHaveLength(200_000);
      expect([last.status, JSON.parse(last.body).body]).toEqual([201, "last"]);
      expect(new Set([...answers, last].map((a) => a.socket)).size).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});
