/**
 * GET /api/widget/v1/widgets/{id}: the widget's public config, to its allowed origins only.
 * It may be cached for a minute (per Origin): the script reads it once per page view, and a
 * minute of staleness in "open now" is harmless because the intake checks the hours again.
 */
import { readClientAddress } from "@/server/web/client-address-header";
import { CALLBACK_REFUSAL_CODES } from "../contract";
import { widgetOpenState } from "../intake/open-hours";
import { recordRefusal } from "../intake/refusals";
import { findPublicWidget } from "../intake/widget-lookup";
import { baseHeaders, errorResponse, jsonResponse, matchOrigin, preflightResponse, type CorsPolicy } from "./http";
import { widgetCompany } from "./lookup";
import { toPublicWidgetConfig } from "./public-config";

const CONFIG_CACHE = "public, max-age=60";
const NOT_FOUND = "This callback form is not available.";
const ORIGIN_MESSAGE = "This website may not use this callback form.";

/**
 * A page on an origin the widget does not allow asked for its config: the snippet is on a site
 * missing from the list (or copied elsewhere). The script stops there, so this is the one place
 * the company's admins can learn of it; recorded like the intake's refusals (a row a minute).
 */
async function recordForeignPage(request: Request, widget: { id: string; tenantId: string }) {
  const origin = request.headers.get("origin");
  if (!origin) return; // not a browser page: nothing a site owner needs to see
  let clientIp: string | null = null;
  try {
    clientIp = readClientAddress(request.headers);
  } catch {
    // Unstamped request: the refusal is still worth recording, without an address.
  }
  await recordRefusal(
    { tenantId: widget.tenantId, source: "WIDGET", widgetId: widget.id, origin, clientIp },
    { code: "ORIGIN_NOT_ALLOWED", message: ORIGIN_MESSAGE, httpStatus: CALLBACK_REFUSAL_CODES.ORIGIN_NOT_ALLOWED },
  );
}

/** The widget and the CORS policy for this request's Origin; null when it cannot be shown. */
async function resolve(request: Request, widgetId: string, methods: string) {
  const widget = await findPublicWidget(widgetId);
  if (!widget) return null;
  const company = await widgetCompany(widget.tenantId);
  if (!company || company.isSuspended) return null;
  const cors: CorsPolicy = { allowedOrigin: matchOrigin(request.headers.get("origin"), widget.allowedOrigins), methods, headers: "Content-Type" };
  return { widget, company, cors };
}

export async function getWidgetConfig(request: Request, widgetId: string, now = new Date()): Promise<Response> {
  try {
    const found = await resolve(request, widgetId, "GET, OPTIONS");
    if (!found) return errorResponse(404, "WIDGET_NOT_FOUND", NOT_FOUND, baseHeaders(null));
    const { widget, company, cors } = found;
    if (!cors.allowedOrigin) {
      await recordForeignPage(request, widget);
      return errorResponse(403, "ORIGIN_NOT_ALLOWED", ORIGIN_MESSAGE, baseHeaders(null));
    }
    const open = widgetOpenState(widget, company, now);
    return jsonResponse(200, toPublicWidgetConfig(widget, open), baseHeaders(cors, CONFIG_CACHE));
  } catch (err) {
    console.error("widget config could not be read", { widgetId, err });
    return errorResponse(503, "CHECK_UNAVAILABLE", "The callback form is unavailable. Please try again shortly.", baseHeaders(null), 30);
  }
}

/**
 * Preflight for the widget's own paths (config GET, callbacks POST). Unknown widgets and
 * disallowed origins get the same 403, so a preflight tells nobody which ids exist.
 */
export async function preflightWidget(request: Request, widgetId: string, methods: string): Promise<Response> {
  try {
    const found = await resolve(request, widgetId, methods);
    return preflightResponse(found?.cors ?? { allowedOrigin: null, methods, headers: "Content-Type" });
  } catch (err) {
    console.error("widget preflight could not be answered", { widgetId, err });
    return errorResponse(503, "CHECK_UNAVAILABLE", "The callback form is unavailable. Please try again shortly.", baseHeaders(null), 30);
  }
}
