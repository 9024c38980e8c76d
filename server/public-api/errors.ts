/**
 * The REST API's error contract (issue 14): every failure is `{ "error": { "code", "message" } }`
 * with a stable code clients may branch on, and the HTTP status that goes with it. The intake's
 * refusal codes (CALLBACK_REFUSAL_CODES) pass through with their own statuses.
 */
import { z } from "zod";
import { CALLBACK_REFUSAL_CODES, type CallbackRefusalCode } from "@/server/modules/callbacks/contract";

export const API_ERROR_STATUS = {
  /** No key, not a key, an unknown key or a revoked one. */
  UNAUTHENTICATED: 401,
  /** A key scoped to one line asked to call from another. */
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** The body, a header or a query parameter is not what the API takes (413, 415 for size and type). */
  INVALID_REQUEST: 400,
  /** The Idempotency-Key was used before with a different body. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** Something unexpected; the log has the reference. */
  INTERNAL: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS | CallbackRefusalCode;

export const ALL_API_ERROR_CODES = [...Object.keys(API_ERROR_STATUS), ...Object.keys(CALLBACK_REFUSAL_CODES)] as [ApiErrorCode, ...ApiErrorCode[]];

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(ALL_API_ERROR_CODES).describe("Stable: clients may branch on it."),
      message: z.string().describe("One sentence for people; may change."),
    }).strict(),
  })
  .strict();

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function apiError(status: number, code: ApiErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error: { code, message } }, status, headers);
}

export const retryAfter = (seconds: number) => ({ "retry-after": String(Math.max(1, Math.ceil(seconds))) });
