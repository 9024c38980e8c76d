/**
 * The websites a widget may be used on, as the exact origins browsers send in the Origin
 * header: scheme, host and port, nothing else. The intake compares the header with these
 * strings as they are, so every allowed origin is stored in the one spelling browsers use
 * (lower case, punycode host, no default port, no trailing slash). Browser-safe and pure.
 */

/** Plain http is for trying a widget on one's own machine; a public site must use https. */
const LOCAL_HTTP_HOSTS = new Set(["localhost", "127.0.0.1"]);
const DEFAULT_PORTS: Record<string, string> = { "https:": "443", "http:": "80" };
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const MAX_ORIGIN_LENGTH = 270;

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

const refuse = (message: string): OriginCheck => ({ ok: false, message });

/** A host name of ASCII labels (a dot required, the last label not numeric), or an IPv4 address. */
function hostProblem(host: string): string | null {
  if (host === "") return "Add the site's host name, such as https://www.example.com";
  if (host.includes("*")) return "Wildcards are not allowed: list each site's exact origin, such as https://shop.example.com";
  // Anything outside ASCII: browsers send international names as punycode, so that is what must match.
  if (/[^\x20-\x7e]/.test(host)) return "Use the punycode form (xn--…) of an international domain name";
  if (host.startsWith("[")) return "IPv6 addresses are not supported: use the site's host name";
  if (IPV4.test(host)) return null;
  if (host.length > 253) return "That host name is too long";
  const labels = host.split(".");
  if (labels.length < 2 && host !== "localhost") return "Use the site's full host name, such as www.example.com";
  if (!labels.every((label) => LABEL.test(label))) return "A host name has only letters, digits, hyphens and dots";
  if (/^\d+$/.test(labels.at(-1)!)) return "That is not a valid host name or IPv4 address";
  return null;
}

/**
 * The origin as browsers spell it, or why it cannot be one. Accepts one trailing "/" (what a
 * copied address bar often ends in); refuses paths, queries, fragments, user names, wildcards,
 * other schemes (javascript:, data:, ftp:), plain http beyond localhost, and non-ASCII hosts.
 */
export function normaliseOrigin(raw: string): OriginCheck {
  const value = raw.trim();
  if (value === "") return refuse("Enter the site's origin, such as https://www.example.com");
  if (value.length > MAX_ORIGIN_LENGTH) return refuse(`Use at most ${MAX_ORIGIN_LENGTH} characters`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (!scheme) return refuse("Start with https://, such as https://www.example.com");
  const protocol = `${scheme[1]!.toLowerCase()}:`;
  if (protocol !== "https:" && protocol !== "http:") return refuse("Only https:// sites can use a widget");
  let rest = value.slice(scheme[0].length);
  if (rest.endsWith("/")) rest = rest.slice(0, -1);
  if (/[/?#\\]/.test(rest)) return refuse("Use the origin only, without a path, query or #fragment: such as https://www.example.com");
  if (rest.includes("@")) return refuse("Remove the user name: an origin is the scheme, host and port only");
  const portMatch = /^(.*?)(?::(\d{1,5}))?$/.exec(rest)!;
  const host = portMatch[1]!.toLowerCase();
  const port = portMatch[2];
  if (/:/.test(host)) return refuse(host.startsWith("[") ? "IPv6 addresses are not supported: use the site's host name" : "A port is a number from 1 to 65535");
  const problem = hostProblem(host);
  if (problem) return refuse(problem);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return refuse("A port is a number from 1 to 65535");
  if (protocol === "http:" && !LOCAL_HTTP_HOSTS.has(host)) return refuse("Use https://: plain http:// is only for localhost and 127.0.0.1 while testing");
  const portPart = port === undefined || String(Number(port)) === DEFAULT_PORTS[protocol] ? "" : `:${Number(port)}`;
  return { ok: true, origin: `${protocol}//${host}${portPart}` };
}
