import { isIP } from "node:net";

/**
 * The client's address for the sign-in limits, from what the connection proves and what the
 * proxies we trust recorded (pure: no request, no env).
 *
 * - `trustedHops` 0 (no proxy): the socket's address. X-Forwarded-For is ignored: without a
 *   proxy in front, every entry in it was written by the client.
 * - `trustedHops` N: each of our N proxies appends the address it received the request from,
 *   so the Nth entry from the right was written by the outermost proxy we run, and names
 *   whoever connected to it. Entries further left came from the client and never move the
 *   pick, however many it adds.
 * - Fewer entries than N (a request that entered behind our outermost proxy, e.g. a health
 *   check from inside the network): the leftmost entry, which one of our proxies wrote.
 *   No header at all: the socket, i.e. the nearest proxy or whoever skipped it.
 * - The pick is not an IP address (a proxy that writes "unknown", a mangled header): the
 *   socket. We never count a string from the header that is not an address, so no two
 *   spellings of junk become two buckets.
 *
 * IPv4-mapped IPv6 (`::ffff:192.0.2.1`, what a dual-stack socket reports) becomes plain
 * IPv4, so one client is one bucket whichever way it connected.
 */
export function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | undefined; trustedHops: number }): string {
  const fromSocket = normaliseAddress(input.socketAddress ?? "") ?? UNKNOWN_ADDRESS;
  // Anything but a positive whole number (SKIP_ENV_VALIDATION leaves env unparsed) trusts no one.
  const hops = Number.isInteger(input.trustedHops) && input.trustedHops > 0 ? input.trustedHops : 0;
  if (hops === 0 || !input.forwardedFor) return fromSocket;
  const entries = lastEntries(input.forwardedFor, hops);
  if (entries.length === 0) return fromSocket;
  // Fewer than N entries: index 0, the leftmost; otherwise exactly N from the right.
  const picked = entries[Math.max(0, entries.length - hops)]!;
  return normaliseAddress(picked) ?? fromSocket;
}

/** Only when the socket has no address (it closed before we looked). */
export const UNKNOWN_ADDRESS = "unknown";

/** Longest entry we look at: an IPv6 address with an IPv4 tail and a zone is well under this. */
const MAX_ENTRY_LENGTH = 64;

/**
 * At most the last `count` comma-separated entries, trimmed, empty ones dropped. Reads from
 * the right so a header padded with thousands of client-written entries costs no more than
 * a short one.
 */
function lastEntries(header: string, count: number): string[] {
  const entries: string[] = [];
  let end = header.length;
  while (end > 0 && entries.length < count) {
    const comma = header.lastIndexOf(",", end - 1);
    const entry = header.slice(comma + 1, end).trim();
    if (entry) entries.unshift(entry);
    end = comma === -1 ? 0 : comma;
  }
  return entries;
}

/**
 * The address in a canonical spelling, or null when `unverified` is not an IP address.
 * Accepts what proxies put in X-Forwarded-For: a bare address, `[v6]`, `[v6]:port` and
 * `v4:port` (some load balancers append the port).
 */
export function normaliseAddress(unverified: string): string | null {
  if (unverified.length === 0 || unverified.length > MAX_ENTRY_LENGTH) return null;
  const address = stripPort(unverified.trim());
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  // What a dual-stack socket reports for every IPv4 client: skip the URL parser for it.
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (dotted && isIP(dotted[1]!) === 4) return dotted[1]!;
  // The URL parser spells IPv6 one way (lower case, longest zero run compressed, an IPv4 tail
  // in hex); a zone index ("%eth0") it refuses, and only link-local peers have one.
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address.toLowerCase();
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(address);
  return v4WithPort ? v4WithPort[1]! : address;
}
