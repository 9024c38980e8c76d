import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { becomeClientAddressStamper, stampClientAddress } from "./client-address-header";

/**
 * For an app started without scripts/web-server.ts (plain `next start` or `next dev`): stamps
 * every request with the client's address all the same, from Node's `http.server.request.start`
 * diagnostics channel, which Node publishes for each request before any 'request' listener
 * (Next's included) runs. Says so loudly, because requests that arrive before this is installed
 * (Next accepts connections before it loads instrumentation) carry no seal and are refused a
 * sign-in (client-address-header.ts), and because the supported way is our server.
 * Does nothing when our web server is already the stamper.
 */
export function installFallbackClientAddress(trustedHops: number, log: Pick<Console, "warn"> = console): boolean {
  if (!becomeClientAddressStamper()) return false;
  subscribe("http.server.request.start", (message) => stampClientAddress((message as { request: IncomingMessage }).request, trustedHops));
  log.warn(
    [
      "",
      "!!! The portal was started without its web server (scripts/web-server.ts), e.g. with plain `next start`.",
      "!!! Client addresses for the sign-in limits now come from a fallback (Node's http.server.request.start",
      "!!! channel), which cannot see requests that arrived while Next was starting. Use `npm start`,",
      "!!! `npm run dev` or `tsx scripts/web-server.ts` instead.",
      "",
    ].join("\n"),
  );
  return true;
}
