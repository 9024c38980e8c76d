import { buildOpenApiDocument } from "@/server/public-api/openapi";

// Static: the document depends on the code only, so Next may render it once at build time.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
