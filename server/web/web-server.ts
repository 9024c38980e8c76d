import http from "node:http";
import { becomeClientAddressStamper, stampClientAddress } from "./client-address-header";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

/**
 * The HTTP server in front of the app: every request is stamped with the client's address
 * (client-address-header.ts) before `handle` sees it, so the app never counts an address a
 * client wrote. Knows nothing of Next.js, so tests can put it in front of any handler.
 *
 * Call before the app starts (Next's instrumentation hook looks for a stamper and installs
 * its fallback only when there is none).
 */
export function createWebServer(options: { handle: RequestHandler; trustedHops: number; log?: Pick<Console, "error"> }): http.Server {
  becomeClientAddressStamper();
  const log = options.log ?? console;
  return http.createServer((req, res) => {
    stampClientAddress(req, options.trustedHops);
    Promise.resolve(options.handle(req, res)).catch((err: unknown) => {
      log.error("[web] request failed", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end();
    });
  });
}

/**
 * Stops accepting connections, lets requests in flight finish for up to `graceMs`, then cuts
 * what is left (server-sent event streams never finish on their own). Resolves when closed.
 */
export async function closeGracefully(server: http.Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}

/** Listens (on every interface when `hostname` is absent) and resolves with the port bound. */
export function listen(server: http.Server, port: number, hostname?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      const bound = server.address();
      resolve(typeof bound === "object" && bound ? bound.port : port);
    });
  });
}
