/**
 * The ARI event WebSocket (`/ari/events?app=a[,b]&subscribeAll=...`) and the credential check
 * shared with REST. Refusals are plain HTTP answers before the upgrade, as Asterisk sends them.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import { checkDeclaredRequest } from "../ari/operation-match";
import type { SimCore } from "./core";

/** Asterisk accepts HTTP basic auth or `api_key=user:pass` on any ARI request. */
export function isAuthorised(req: IncomingMessage, url: URL, expected: string): boolean {
  const apiKey = url.searchParams.get("api_key");
  if (apiKey !== null) return apiKey === expected;
  const header = req.headers.authorization ?? "";
  return header.startsWith("Basic ") && Buffer.from(header.slice(6), "base64").toString("utf8") === expected;
}

/** Builds the server's `upgrade` listener: auth (401), request check (400), then app registration. */
export function handleEventSocketUpgrade(core: SimCore, wss: WebSocketServer, sockets: Set<WebSocket>, credentials: string) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const refuse = (status: string, message: string) =>
      void socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ message })}`);
    if (url.pathname !== "/ari/events") return refuse("404 Not Found", "Resource not found");
    if (!isAuthorised(req, url, credentials)) return refuse("401 Unauthorized", "Authentication required");
    const query = Object.fromEntries(url.searchParams);
    const problems = checkDeclaredRequest("GET", url.pathname, { query });
    if (problems.length) return refuse("400 Bad Request", problems.join("; "));
    const apps = (query.app ?? "").split(",").filter(Boolean);
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      // One socket may serve several apps; a later socket for the same app replaces this one.
      for (const app of apps) core.hub.register(app, ws, query.subscribeAll === "true");
      ws.on("close", () => {
        sockets.delete(ws);
        core.hub.detach(ws);
      });
    });
  };
}
