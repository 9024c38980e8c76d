/**
 * POST /api/widget/v1/widgets/{id}/callbacks: a visitor asks to be called. The body is checked
 * for shape here; everything that decides whether a call is placed (origin, honeypot, limits,
 * number, CAPTCHA, hours, caps) is the intake's, which records every refusal.
 */
import { readClientAddress } from "@/server/web/client-address-header";
import { submitWidgetCallback } from "../intake/submit";
import { findPublicWidget } from "../intake/widget-lookup";
import { describeCallbackStatus } from "../status-view";
import { baseHeaders, errorResponse, jsonResponse, matchOrigin, requestError } from "./http";
import { readJsonBody } from "./json-body";
import { parseWidgetCallbackBody } from "./submission";

const UNAVAILABLE = "The callback form is unavailable. Please try again shortly.";

export async function postWidgetCallback(request: Request, widgetId: string): Promise<Response> {
  const origin = request.headers.get("origin");
  let allowedOrigins: readonly string[] = [];
  try {
    allowedOrigins = (await findPublicWidget(widgetId))?.allowedOrigins ?? [];
  } catch (err) {
    console.error("callback widget lookup failed", { widgetId, err });
    return errorResponse(503, "CHECK_UNAVAILABLE", UNAVAILABLE, baseHeaders(null), 30);
  }
  // CORS headers only for an allowed origin: any other page cannot even read the refusal.
  const headers = baseHeaders({ allowedOrigin: matchOrigin(origin, allowedOrigins), methods: "POST, OPTIONS", headers: "Content-Type" });

  const body = await readJsonBody(request);
  if (!body.ok) return requestError(body.code, body.message, headers);
  const fields = parseWidgetCallbackBody(body.value);
  if (!fields.ok) return requestError("INVALID_REQUEST", fields.message, headers);

  let clientIp: string;
  try {
    clientIp = readClientAddress(request.headers);
  } catch (err) {
    // Without a trustworthy address the per-IP limit cannot hold: refuse (fail closed).
    console.error("widget callback refused: no client address", { widgetId, err });
    return errorResponse(503, "CHECK_UNAVAILABLE", UNAVAILABLE, headers, 30);
  }

  const result = await submitWidgetCallback({
    widgetId,
    origin,
    visitorNumber: fields.value.number,
    honeypot: fields.value.website,
    captchaToken: fields.value.captchaToken ?? null,
    clientIp,
  });
  if (!result.ok) {
    const { refusal } = result;
    return errorResponse(refusal.httpStatus, refusal.code, refusal.message, headers, refusal.retryAfterSec);
  }
  headers.set("location", `/api/widget/v1/callbacks/${result.request.id}`);
  return jsonResponse(201, { id: result.request.id, statusToken: result.statusToken, status: describeCallbackStatus(result.request) }, headers);
}
