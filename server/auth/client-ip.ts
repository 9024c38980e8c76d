/**
 * The client's IP for the sign-in lockout and rate limits.
 *
 * The app is served by `next start`, and a route handler (and so Auth.js's authorize) sees
 * only a Web Request: the socket's address is not reachable. Next.js writes it into
 * X-Forwarded-For only when the request carries none (base-server.js: `??=`), so without a
 * proxy every entry of that header may be the client's own invention.
 *
 * - Without TRUST_PROXY we therefore ignore forwarding headers entirely and count every
 *   client in one shared bucket, DIRECT_CLIENT. A forged header cannot change the counted
 *   address; the price is that the per-IP limit becomes one limit for all direct clients
 *   (the per-account lockout is unaffected). Deployments open to the Internet should run
 *   behind a proxy and set TRUST_PROXY.
 * - With TRUST_PROXY, the proxies we run each append the address they saw, so the entry
 *   `proxyHops` from the right is the last one written by a proxy we trust; everything left
 *   of it came from the client. One proxy (hops = 1) means the last entry.
 */
export const DIRECT_CLIENT = "direct";

export function clientIp(headers: Headers, trustProxy: boolean, proxyHops = 1): string {
  if (!trustProxy) return DIRECT_CLIENT;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  // Fewer entries than hops: the request skipped a proxy; the leftmost is the best we have.
  const ip = entries[Math.max(0, entries.length - Math.max(1, proxyHops))];
  return ip?.slice(0, 64) || "unknown";
}
