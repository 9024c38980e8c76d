import { getCallback } from "@/server/public-api/callbacks/handlers";
import { withApiKey } from "@/server/public-api/with-api-key";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = withApiKey((request, ctx, id: string) => getCallback(request, ctx, id));

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handler(request, (await params).id);
}
