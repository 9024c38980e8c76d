import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { resolveClientAddress } from "./client-address";

/**
 * How the client's address reaches the app. Next.js hands route handlers, server actions and
 * Auth.js only the request's headers, never its socket, so whoever sees the socket (our web
 * server, or the fallback in instrumentation.ts) writes the address into a private header.
 *
 * The header is sealed with a secret made once per process: stampClientAddress() always
 * overwrites both headers, and readClientAddress() accepts the address only next to this
 * process's seal. A request nobody stamped therefore cannot pass off an address of its
 * own choosing, even with the app started in a way that skips both stampers.
 */
export const CLIENT_ADDRESS_HEADER = "x-centrex-client-ip";
export const CLIENT_ADDRESS_SEAL_HEADER = "x-centrex-client-ip-seal";

// On globalThis: the web server (loaded by tsx) and the app (bundled by Next) are separate
// module graphs in one process.
const SEAL = Symbol.for("centrex.client-address.seal");
type SealHolder = { [SEAL]?: Buffer };

/** Makes this process a stamper; the first call wins. Returns false if one already was. */
export function becomeClientAddressStamper(): boolean {
  const holder = globalThis as SealHolder;
  if (holder[SEAL]) return false;
  holder[SEAL] = randomBytes(24);
  return true;
}

export function hasClientAddressStamper(): boolean {
  return Boolean((globalThis as SealHolder)[SEAL]);
}

/**
 * Rewrites `req`'s headers before the app sees them: drops every client-sent copy of the
 * private headers and writes the address resolveClientAddress() picks, with the seal. With no
 * trusted proxy, X-Forwarded-For is replaced by the socket address too, so nothing
 * downstream can read a forged one. Throws if this process is not a stamper.
 */
export function stampClientAddress(req: IncomingMessage, trustedHops: number): void {
  const seal = (globalThis as SealHolder)[SEAL];
  if (!seal) throw new Error("stampClientAddress: call becomeClientAddressStamper() first");
  const forwarded = req.headers["x-forwarded-for"];
  const address = resolveClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedHops,
  });
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  req.headers[CLIENT_ADDRESS_SEAL_HEADER] = seal.toString("base64url");
  if (trustedHops === 0) req.headers["x-forwarded-for"] = address;
  req.rawHeaders = withoutRawHeaders(req.rawHeaders, trustedHops === 0 ? REPLACED_WITHOUT_PROXY : REPLACED);
}

const REPLACED = new Set([CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SEAL_HEADER]);
const REPLACED_WITHOUT_PROXY = new Set([...REPLACED, "x-forwarded-for"]);

/** rawHeaders is [name, value, name, value, …] as the client sent them; Next reads headers. */
function withoutRawHeaders(raw: string[], names: Set<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!names.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

/**
 * The private headers for a request this process builds and hands to the app itself (an
 * in-process call, as the tests make): it is the one that saw the address, so it stamps it.
 */
export function clientAddressHeaders(address: string): Record<string, string> {
  becomeClientAddressStamper();
  const seal = (globalThis as SealHolder)[SEAL]!;
  return { [CLIENT_ADDRESS_HEADER]: address, [CLIENT_ADDRESS_SEAL_HEADER]: seal.toString("base64url") };
}

/**
 * The address a stamper wrote for this request. Throws when the request carries no valid
 * seal: nothing stamped it, so any address in it may be the client's invention, and counting
 * it (or lumping such requests into one shared bucket) would reopen the hole this closes.
 */
export function readClientAddress(headers: Headers): string {
  const seal = (globalThis as SealHolder)[SEAL];
  const address = headers.get(CLIENT_ADDRESS_HEADER);
  const presented = Buffer.from(headers.get(CLIENT_ADDRESS_SEAL_HEADER) ?? "", "base64url");
  if (!seal || !address || presented.length !== seal.length || !timingSafeEqual(presented, seal)) {
    throw new Error(
      "The client's address is unknown: this request did not pass through the web server (scripts/web-server.ts) " +
        "or its fallback (instrumentation.ts). Start the portal with `npm start` or `tsx scripts/web-server.ts`.",
    );
  }
  return address;
}
