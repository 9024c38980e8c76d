/**
 * The client's IP for the sign-in lockout and rate limits.
 *
 * Next.js fills X-Forwarded-For with the socket address only when the request has none, so
 * without a proxy a client can still supply its own. With TRUST_PROXY (a proxy you run that
 * appends to the header) the first entry is the client; without it we take the last entry,
 * which is the socket address unless the client forged the header. The per-account lockout
 * does not depend on this, so a forged IP only escapes the per-IP count.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const ip = trustProxy ? hops[0] : hops.at(-1);
  return ip?.slice(0, 64) || "unknown";
}
