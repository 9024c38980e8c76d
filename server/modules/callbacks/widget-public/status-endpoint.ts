/**
 * GET /api/widget/v1/callbacks/{id} with `Authorization: Bearer <statusToken>`: the visitor's
 * page reads how its callback is going. The token (256 random bits, stored as SHA-256) is the
 * only key: an unknown id, a missing token and a wrong one all answer the same 404, and the
 * hashes are compared in constant time. The origin is checked after the token, so a 403 never
 * tells a stranger that an id exists.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { describeCallbackStatus } from "../status-view";
import { baseHeaders, errorResponse, jsonResponse, matchOrigin, preflightResponse, requestError } from "./http";
import { findVisitorRequest } from "./lookup";

const METHODS = "GET, OPTIONS";
const ALLOWED_HEADERS = "Authorization";

function bearerToken(request: Request): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(request.headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}

function tokenMatches(token: string, storedHash: string): boolean {
  const presented = createHash("sha256").update(token).digest();
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

export async function getVisitorStatus(request: Request, requestId: string): Promise<Response> {
  const notFound = () => requestError("CALLBACK_NOT_FOUND", "No such callback request.", baseHeaders(null));
  const token = bearerToken(request);
  try {
    const row = await findVisitorRequest(requestId);
    // The hash is computed even without a row, so timing does not tell a known id from an unknown one.
    const isMatch = tokenMatches(token ?? "", row?.statusTokenHash ?? "0".repeat(64));
    if (!row || !token || !isMatch) return notFound();
    const allowedOrigin = matchOrigin(request.headers.get("origin"), row.widget?.allowedOrigins ?? []);
    if (!allowedOrigin) return errorResponse(403, "ORIGIN_NOT_ALLOWED", "This website may not use this callback form.", baseHeaders(null));
    return jsonResponse(200, describeCallbackStatus(row), baseHeaders({ allowedOrigin, methods: METHODS, headers: ALLOWED_HEADERS }));
  } catch (err) {
    console.error("callback status could not be read", { requestId, err });
    return errorResponse(503, "CHECK_UNAVAILABLE", "The status is unavailable. Please try again shortly.", baseHeaders(null), 5);
  }
}

/**
 * Browsers send no Authorization on a preflight, so it cannot check the token: it names the
 * origin when the request's widget allows it, and answers 403 otherwise (unknown ids too), so
 * a page the widget does not allow learns nothing from it.
 */
export async function preflightVisitorStatus(request: Request, requestId: string): Promise<Response> {
  try {
    const row = await findVisitorRequest(requestId);
    const allowedOrigin = matchOrigin(request.headers.get("origin"), row?.widget?.allowedOrigins ?? []);
    return preflightResponse({ allowedOrigin, methods: METHODS, headers: ALLOWED_HEADERS });
  } catch (err) {
    console.error("callback status preflight could not be answered", { requestId, err });
    return errorResponse(503, "CHECK_UNAVAILABLE", "The status is unavailable. Please try again shortly.", baseHeaders(null), 5);
  }
}
