/**
 * The OpenAPI 3.1 document of /api/v1 (issue 14), generated from the zod schemas the handlers
 * parse with (./callbacks/schema.ts, ./errors.ts), so a field cannot change in one and not the
 * other. Error responses list, per status, exactly the codes that status can carry there;
 * tests/integration/api-v1-openapi.integration.test.ts sends every operation each documented
 * status over HTTP and validates every answer against this document.
 */
import { z } from "zod";
import { CALLBACK_REFUSAL_CODES, type CallbackRefusalCode } from "@/server/modules/callbacks/contract";
import { ZCallbackList, ZCallbackStatusView, ZCreateCallbackBody, ZIdempotencyKey, ZListQuery } from "./callbacks/schema";
import { ALL_API_ERROR_CODES, type ApiErrorCode } from "./errors";
import { AUTH_FAILURE_LIMIT } from "./limits";

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12" }) as JsonSchema;
  return rest;
};

/** Refusals only a widget can meet; the API never answers with them. */
const WIDGET_ONLY: ReadonlySet<CallbackRefusalCode> = new Set(["ORIGIN_NOT_ALLOWED", "WIDGET_NOT_FOUND", "CAPTCHA_FAILED", "SPAM_SUSPECTED", "CLOSED"]);
const refusalsWithStatus = (status: number) =>
  (Object.entries(CALLBACK_REFUSAL_CODES) as [CallbackRefusalCode, number][]).filter(([code, s]) => s === status && !WIDGET_ONLY.has(code)).map(([code]) => code);

function errorSchema(codes: readonly ApiErrorCode[]): JsonSchema {
  return {
    type: "object",
    required: ["error"],
    additionalProperties: false,
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        additionalProperties: false,
        properties: { code: { type: "string", enum: [...codes], description: "Stable: clients may branch on it." }, message: { type: "string", description: "One sentence for people; may change." } },
      },
    },
  };
}

const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } } };

function errorResponse(description: string, codes: readonly ApiErrorCode[], withRetryAfter = false) {
  return { description, ...(withRetryAfter ? { headers: RETRY_AFTER } : {}), content: { "application/json": { schema: errorSchema(codes) } } };
}

/** What any authenticated operation may answer besides its own statuses. */
const AUTH_RESPONSES = {
  "401": errorResponse("No API key, or one that is unknown or revoked.", ["UNAUTHENTICATED"]),
  "429": errorResponse(`Too many failed authentications from this IP (${AUTH_FAILURE_LIMIT.limit} a minute): every request from it is refused until Retry-After.`, ["RATE_LIMITED"], true),
};
const DEFAULT_RESPONSE = {
  default: errorResponse("A check could not be made (503 CHECK_UNAVAILABLE, with Retry-After; never let through), or something unexpected (500 INTERNAL).", ["CHECK_UNAVAILABLE", "INTERNAL"], true),
};

const statusRef = { $ref: "#/components/schemas/CallbackStatus" };

export function buildOpenApiDocument() {
  const listQuery = jsonSchema(ZListQuery, "input") as { properties: Record<string, JsonSchema & { description?: string }> };
  const queryParam = (name: string) => {
    const { description, ...schema } = listQuery.properties[name]!;
    return { name, in: "query", required: false, description, schema };
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Centrex callback API",
      version: "1.0.0",
      description:
        "Click-to-call for third-party apps: ring one of the company's lines, and when it answers, call a number and connect the two. " +
        "Authenticate with an API key made in the portal (Web callback → API keys): `Authorization: Bearer cbk_…`. " +
        "Errors are `{ \"error\": { \"code\", \"message\" } }` with stable codes. Bodies are JSON, at most 8 KB.",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/callbacks": {
        post: {
          operationId: "createCallback",
          summary: "Request a callback",
          description: "Every toll-fraud check of the company applies (allowed countries, high-risk numbers, rate limits, caps on concurrent callbacks and daily spend); a refused request is never placed.",
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, description: ZIdempotencyKey.description, schema: jsonSchema(ZIdempotencyKey) }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CreateCallback" } } } },
          responses: {
            "201": {
              description: "Accepted and queued. A retry with the same Idempotency-Key and body answers the same way, with the first request's status and `Idempotent-Replayed: true`.",
              headers: {
                Location: { description: "Where to read the request's status.", schema: { type: "string" } },
                "Idempotent-Replayed": { description: "`true` when this answers an earlier request with the same Idempotency-Key.", schema: { type: "string", enum: ["true"] } },
              },
              content: { "application/json": { schema: statusRef } },
            },
            "400": errorResponse("The body, a header or a parameter is not what the API takes.", ["INVALID_REQUEST"]),
            "401": AUTH_RESPONSES["401"],
            "402": errorResponse("A prepaid company without balance or credit left.", refusalsWithStatus(402)),
            "403": errorResponse("The key is scoped to another line (FORBIDDEN), or the company is suspended.", ["FORBIDDEN", ...refusalsWithStatus(403)]),
            "404": errorResponse("`from` names no line of the company.", ["NOT_FOUND"]),
            "413": errorResponse("The body is larger than 8 KB.", ["INVALID_REQUEST"]),
            "415": errorResponse("The body is not sent as application/json.", ["INVALID_REQUEST"]),
            "422": errorResponse("The Idempotency-Key was used with another body, or `to` may not be called (not a number, a country not allowed, a high-risk type or a blocked prefix).", ["IDEMPOTENCY_KEY_REUSED", ...refusalsWithStatus(422)]),
            "429": errorResponse("Too many requests: the key's own limit a minute, the limit per destination, the company's cap on concurrent callbacks or its daily spend, or failed authentications from this IP.", refusalsWithStatus(429), true),
            ...DEFAULT_RESPONSE,
          },
        },
        get: {
          operationId: "listCallbacks",
          summary: "List recent callbacks",
          description: "The company's callback requests, newest first, by keyset pages. A key scoped to a line sees that line's only.",
          parameters: [queryParam("limit"), queryParam("cursor")],
          responses: {
            "200": { description: "One page.", content: { "application/json": { schema: { $ref: "#/components/schemas/CallbackList" } } } },
            "400": errorResponse("A parameter is not valid (or a cursor this API did not hand out).", ["INVALID_REQUEST"]),
            ...AUTH_RESPONSES,
            ...DEFAULT_RESPONSE,
          },
        },
      },
      "/api/v1/callbacks/{id}": {
        get: {
          operationId: "getCallback",
          summary: "Read a callback's status",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } }],
          responses: {
            "200": { description: "The request's status now.", content: { "application/json": { schema: statusRef } } },
            "404": errorResponse("No such request in the key's company (or, for a scoped key, on its line).", ["NOT_FOUND"]),
            ...AUTH_RESPONSES,
            ...DEFAULT_RESPONSE,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object", required: ["openapi", "paths"], properties: { openapi: { const: "3.1.0" }, paths: { type: "object" } } } } } } },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key (cbk_…), shown once when it is made." } },
      schemas: {
        CreateCallback: jsonSchema(ZCreateCallbackBody, "input"),
        CallbackStatus: jsonSchema(ZCallbackStatusView),
        CallbackList: { ...jsonSchema(ZCallbackList), properties: { data: { type: "array", items: statusRef }, nextCursor: (jsonSchema(ZCallbackList) as { properties: Record<string, unknown> }).properties.nextCursor } },
        Error: errorSchema(ALL_API_ERROR_CODES),
      },
    },
  };
}
