// A visitor's callback request through a public widget (issue 14): no session; the intake checks all.
import { preflightWidget } from "@/server/modules/callbacks/widget-public/config-endpoint";
import { postWidgetCallback } from "@/server/modules/callbacks/widget-public/submit-endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Params = { params: Promise<{ widgetId: string }> };

export async function POST(request: Request, { params }: Params) {
  return postWidgetCallback(request, (await params).widgetId);
}

export async function OPTIONS(request: Request, { params }: Params) {
  return preflightWidget(request, (await params).widgetId, "POST, OPTIONS");
}
