/**
 * Test support: a tiny real HTTP + WebSocket server on 127.0.0.1 standing in for Asterisk's
 * ARI endpoint, recording what the client sends. Not an ARI simulator: each test scripts the
 * replies it needs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface RecordedRequest {
  method: string;
  /** Path with the `/ari` prefix removed, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Reply = { status: number; json?: unknown; delayMs?: number };

export interface TestAriServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Query strings of every accepted WebSocket upgrade. */
  socketQueries: Record<string, string>[];
  sockets: Set<WebSocket>;
  /** Sets the reply for the next requests (default 204). */
  reply(fn: (req: RecordedRequest) => Reply): void;
  /** Whether new WebSocket upgrades are refused with 503 (to exercise retries). */
  setRefuseSockets(isRefusing: boolean): void;
  broadcast(message: unknown): void;
  close(): Promise<void>;
}

/** `autoPong: false` makes the server ignore pings, like a peer that vanished without a FIN. */
export async function startTestAriServer(options: { autoPong?: boolean } = {}): Promise<TestAriServer> {
  const requests: RecordedRequest[] = [];
  const socketQueries: Record<string, string>[] = [];
  let replyFn: (req: RecordedRequest) => Reply = () => ({ status: 204 });
  let isRefusingSockets = false;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname.replace(/^\/ari/, ""),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const reply = replyFn(recorded);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(reply.status, reply.json === undefined ? {} : { "content-type": "application/json" });
        res.end(reply.json === undefined ? undefined : JSON.stringify(reply.json));
      }, reply.delayMs ?? 0);
    });
  };

  const server: Server = createServer(handle);
  const wss = new WebSocketServer({ noServer: true, autoPong: options.autoPong ?? true });
  const sockets = new Set<WebSocket>();
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (isRefusingSockets || url.pathname !== "/ari/events") {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    socketQueries.push(Object.fromEntries(url.searchParams));
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/ari`,
    requests,
    socketQueries,
    sockets,
    reply: (fn) => void (replyFn = fn),
    setRefuseSockets: (isRefusing) => void (isRefusingSockets = isRefusing),
    broadcast: (message) => {
      const text = typeof message === "string" ? message : JSON.stringify(message);
      for (const ws of sockets) ws.send(text);
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
