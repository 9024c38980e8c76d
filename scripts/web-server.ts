/**
 * The portal's web process: Next.js behind our own small HTTP server, which writes the client's
 * address into every request from the socket (or the trusted proxies' X-Forwarded-For), so a
 * header the client wrote can never choose the address the sign-in limits count.
 *
 *   tsx scripts/web-server.ts [--dev] [--port N] [--hostname H]
 *
 * Production serves the `next build` in .next (like `next start`), /api/v1 answered before Next
 * (directRoutesBefore below); --dev compiles on demand
 * with Turbopack and hot reload (like `next dev`). Port and host default to PORT and HOSTNAME,
 * then 3000 and every interface. SIGINT or SIGTERM: stop accepting, let requests in flight
 * finish (SSE streams are cut after a few seconds), close Next, exit 0.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import type { RequestHandler } from "../server/web/web-server";

const { values } = parseArgs({
  options: { dev: { type: "boolean", default: false }, port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const isDev = values.dev;
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
const GRACE_MS = 5_000; // scripts/lib/child-processes.ts sends SIGKILL after 10 s

// As the `next` CLI does: React and Next choose their builds from these when first loaded,
// so they are set before anything imports them.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || (isDev ? "development" : "production"), NEXT_RUNTIME: "nodejs" });

async function main() {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a TCP port, got "${values.port ?? process.env.PORT}".`);
  const { becomeClientAddressStamper } = await import("../server/web/client-address-header");
  // Before Next loads: its instrumentation hook installs a fallback stamper if it finds none.
  becomeClientAddressStamper();

  const { default: next } = await import("next");
  const app = next({ dev: isDev, dir: path.resolve(import.meta.dirname, ".."), hostname: hostname ?? "localhost", port, turbopack: isDev });
  await app.prepare(); // loads .env* and next.config.js, which validates server/env.js
  const { env } = await import("../server/env.js");
  const { closeGracefully, createWebServer, listen } = await import("../server/web/web-server");

  // Next's custom-server wrapper attaches its own 'upgrade' listener (dev HMR) to the server
  // of the first request it handles; app.getUpgradeHandler() is a no-op in Next 16 (see
  // docs/security.md), so it is not registered here.
  const nextHandle = app.getRequestHandler();
  const handle = isDev ? nextHandle : await directRoutesBefore(nextHandle);
  const server = createWebServer({ handle: (req, res) => handle(req, res), trustedHops: env.TRUST_PROXY_HOPS });
  const boundPort = await listen(server, port, hostname);
  const proxies = env.TRUST_PROXY_HOPS === 0 ? "none trusted (client address: the socket's)" : `${env.TRUST_PROXY_HOPS} trusted (X-Forwarded-For)`;
  console.log(`[web] ${isDev ? "development (hot reload)" : "production"} on http://${hostname ?? "localhost"}:${boundPort}; proxies: ${proxies}`);

  let isStopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      // tsx relays a signal the process group already delivered; whoever wants "now" sends SIGKILL.
      if (isStopping) return;
      isStopping = true;
      console.log(`[web] ${signal}: stopping`);
      void closeGracefully(server, GRACE_MS)
        .then(() => app.close())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            console.error("[web] did not stop cleanly", err);
            process.exit(1);
          },
        );
    });
  }
}

/**
 * Production answers the public API itself, before Next (server/web/direct-routes.ts says
 * why); development leaves it to Next, which hot-reloads the same route modules. Loaded by
 * tsx, these modules are a second copy beside Next's bundle in this process: what must be one
 * per process (the database pool and client, the client-address seal) is kept on globalThis.
 */
async function directRoutesBefore(nextHandle: RequestHandler): Promise<RequestHandler> {
  const [{ withDirectRoutes }, { PUBLIC_API_ROUTES }] = await Promise.all([import("../server/web/direct-routes"), import("../server/public-api/direct-routes")]);
  return withDirectRoutes(PUBLIC_API_ROUTES, nextHandle);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
