// The public "Call me now" widget's config (issue 14): no session; CORS to the widget's origins.
import { getWidgetConfig, preflightWidget } from "@/server/modules/callbacks/widget-public/config-endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Params = { params: Promise<{ widgetId: string }> };

export async function GET(request: Request, { params }: Params) {
  return getWidgetConfig(request, (await params).widgetId);
}

export async function OPTIONS(request: Request, { params }: Params) {
  return preflightWidget(request, (await params).widgetId, "GET, OPTIONS");
}
