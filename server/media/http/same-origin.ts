/**
 * Cross-site request forgery guard for mutating routes outside tRPC (the prompt upload). The
 * session cookie is SameSite=Lax, which already keeps it off cross-site POSTs; this refuses them
 * outright as well, from what browsers send and pages cannot forge: Sec-Fetch-Site, or, from a
 * browser too old for it, Origin. A request with neither is not from a browser, so it carries
 * no victim's cookie to abuse.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
