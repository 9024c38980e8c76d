/**
 * Every /api/v1 route, which the production web server answers without Next's request
 * pipeline (server/web/direct-routes.ts says why). They are the route modules Next serves in
 * development, so each endpoint is defined once; a path not matched here (a trailing slash,
 * say) goes to Next as before. The OpenAPI test checks that app/api/v1 holds no other route.
 */
import * as callbackRoute from "@/app/api/v1/callbacks/[id]/route";
import * as callbacksRoute from "@/app/api/v1/callbacks/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import type { DirectRoute } from "@/server/web/direct-routes";

export const PUBLIC_API_ROUTES: readonly DirectRoute[] = [
  { template: "/api/v1/callbacks", module: callbacksRoute },
  { template: "/api/v1/callbacks/{id}", module: callbackRoute },
  { template: "/api/v1/openapi.json", module: openApiRoute },
];
