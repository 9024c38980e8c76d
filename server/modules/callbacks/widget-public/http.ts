/**
 * Answers of the public widget endpoints (issue 14): JSON everywhere, errors as
 * `{ error: { code, message } }` with stable codes, and CORS that names the page's origin only
 * when the widget allows it (never `*`). Every answer varies by Origin, so a cache never hands
 * one site's answer to another.
 */

/** Request problems found before the intake runs (nothing recorded, nothing inserted). */
export const WIDGET_REQUEST_ERRORS = {
  /** The body is larger than MAX_BODY_BYTES. */
  BODY_TOO_LARGE: 413,
  /** Not `Content-Type: application/json`. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The body is not JSON, or not a JSON object. */
  INVALID_JSON: 400,
  /** A field is missing or of the wrong type; the message names it. */
  INVALID_REQUEST: 400,
  /** No such callback, or the status token does not match: the two look the same. */
  CALLBACK_NOT_FOUND: 404,
} as const;
export type WidgetRequestErrorCode = keyof typeof WIDGET_REQUEST_ERRORS;

export interface CorsPolicy {
  /** The request's Origin when the widget allows it, else null (no CORS headers are sent). */
  allowedOrigin: string | null;
  methods: string;
  headers: string;
}

const NO_STORE = "no-store";

/** Headers every answer carries: Vary, caching and (for an allowed origin) CORS. */
export function baseHeaders(cors: CorsPolicy | null, cacheControl = NO_STORE): Headers {
  const headers = new Headers({ "cache-control": cacheControl, vary: "Origin", "x-content-type-options": "nosniff" });
  if (cors?.allowedOrigin) {
    headers.set("access-control-allow-origin", cors.allowedOrigin);
    // Only the status endpoint's answers are read with a header the page sets (Authorization);
    // no cookies are ever used, so credentials stay off.
    headers.set("access-control-expose-headers", "Retry-After");
  }
  return headers;
}

export function jsonResponse(status: number, body: unknown, headers: Headers): Response {
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status, headers });
}

export function errorResponse(status: number, code: string, message: string, headers: Headers, retryAfterSec?: number): Response {
  if (retryAfterSec !== undefined && (status === 429 || status === 503)) headers.set("retry-after", String(Math.max(1, Math.ceil(retryAfterSec))));
  return jsonResponse(status, { error: { code, message } }, headers);
}

export function requestError(code: WidgetRequestErrorCode, message: string, headers: Headers): Response {
  return errorResponse(WIDGET_REQUEST_ERRORS[code], code, message, headers);
}

/**
 * The answer to a CORS preflight. A browser only goes on when it is a 2xx naming its origin,
 * so a disallowed origin gets 403 without CORS headers and never sends the real request.
 */
export function preflightResponse(cors: CorsPolicy): Response {
  const headers = baseHeaders(cors);
  if (!cors.allowedOrigin) return errorResponse(403, "ORIGIN_NOT_ALLOWED", "This website may not use this callback form.", headers);
  headers.set("access-control-allow-methods", cors.methods);
  headers.set("access-control-allow-headers", cors.headers);
  headers.set("access-control-max-age", "600");
  return new Response(null, { status: 204, headers });
}

/**
 * The request's Origin if it is one of `allowedOrigins` (stored as scheme + host + port,
 * lower-case), else null; the same test the intake applies. "null" (sandboxed frames, file
 * pages) and anything with a path or credentials are never allowed.
 */
export function matchOrigin(origin: string | null, allowedOrigins: readonly string[]): string | null {
  if (!origin || origin === "null" || origin.length > 200) return null;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return null;
  }
  if (parsed.origin !== origin.toLowerCase()) return null;
  return allowedOrigins.includes(parsed.origin) ? origin : null;
}
