/**
 * The one guard around every /api/v1 handler (STYLE.md section 3, after Dub's withWorkspace):
 * the client's address, then the key (hashed lookup, failure limit), then the handler with the
 * key's company; an unexpected error becomes a 500 with a reference, never a stack trace.
 */
import { randomUUID } from "node:crypto";
import { readClientAddress } from "@/server/web/client-address-header";
import { authenticateApiKey, type AuthenticatedKey } from "./authenticate";
import { apiError } from "./errors";

export interface ApiContext {
  key: AuthenticatedKey;
  clientIp: string;
}

export function withApiKey<Args extends unknown[]>(handler: (request: Request, ctx: ApiContext, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      const clientIp = readClientAddress(request.headers);
      const auth = await authenticateApiKey(request.headers, clientIp);
      if (!auth.ok) return auth.response;
      return await handler(request, { key: auth.key, clientIp }, ...args);
    } catch (err) {
      const reference = randomUUID();
      console.error(`[api/v1] ${request.method} ${new URL(request.url).pathname} failed (reference ${reference})`, err);
      return apiError(500, "INTERNAL", `Something went wrong. Reference: ${reference}`);
    }
  };
}
