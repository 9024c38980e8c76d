/**
 * Next.js calls register() once per server process before it serves requests. Here it only
 * makes sure someone stamps the client's address into every request (server/web/): our web
 * server normally has, and if the app was started some other way the fallback takes over.
 */
export async function register() {
  // The edge runtime has no sockets, and `next build` (which may load this) serves nothing.
  // eslint-disable-next-line no-restricted-properties -- set by Next itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ env }, { installFallbackClientAddress }] = await Promise.all([import("./server/env.js"), import("./server/web/fallback-client-address")]);
  installFallbackClientAddress(env.TRUST_PROXY_HOPS);
}
