/**
 * The worker's health endpoint: `GET /health` -> JSON, 503 while ARI is disconnected so a
 * supervisor (compose healthcheck, Kubernetes probe) sees a worker that cannot take calls.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface HealthReport {
  ari: "connected" | "disconnected";
  lastEventAt: string | null;
  activeCalls: number;
  uptimeSec: number;
}

export async function startHealthServer(port: number, report: () => HealthReport): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/health") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    const body = report();
    res.writeHead(body.ari === "connected" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "0.0.0.0", () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
