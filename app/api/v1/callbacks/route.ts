import { createCallback, listCallbacks } from "@/server/public-api/callbacks/handlers";
import { withApiKey } from "@/server/public-api/with-api-key";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = withApiKey(createCallback);
export const GET = withApiKey(listCallbacks);
