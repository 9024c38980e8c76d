// A widget visitor's callback status (issue 14): no session; the status token is the key.
import { getVisitorStatus, preflightVisitorStatus } from "@/server/modules/callbacks/widget-public/status-endpoint";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Params = { params: Promise<{ requestId: string }> };

export async function GET(request: Request, { params }: Params) {
  return getVisitorStatus(request, (await params).requestId);
}

export async function OPTIONS(request: Request, { params }: Params) {
  return preflightVisitorStatus(request, (await params).requestId);
}
