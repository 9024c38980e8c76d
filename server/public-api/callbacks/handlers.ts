/**
 * POST /api/v1/callbacks, GET /api/v1/callbacks and GET /api/v1/callbacks/{id} (issue 14).
 * Creating goes through the intake (submitClickToCall), which makes every toll-fraud check
 * and is the only code that inserts a request (it also finds the line `from` names, in the read
 * it makes anyway); this layer authenticates, validates and maps the outcome to HTTP.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { submitClickToCall } from "@/server/modules/callbacks/intake/submit";
import type { ClickToCallSubmission } from "@/server/modules/callbacks/intake/types";
import { describeCallbackStatus } from "@/server/modules/callbacks/status-view";
import { tenantDb } from "@/server/tenancy";
import { apiError, jsonResponse, retryAfter } from "../errors";
import { readJsonBody } from "../read-body";
import type { ApiContext } from "../with-api-key";
import { decodeCursor, encodeCursor } from "./cursor";
import { MAX_BODY_BYTES, ZCreateCallbackBody, ZIdempotencyKey, ZListQuery, type TCreateCallbackBody } from "./schema";

const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join(".") : null;
  if (issue.code === "unrecognized_keys") return `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`;
  if (issue.code === "invalid_type" && field) return `${field} is required and must be a ${issue.expected}.`;
  return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
};

const invalid = (message: string, status = 400) => apiError(status, "INVALID_REQUEST", message);

/** The same request, however it was spelled: field order and whitespace do not matter. */
export const requestFingerprint = (body: TCreateCallbackBody) =>
  createHash("sha256").update(JSON.stringify({ from: body.from ?? null, to: body.to })).digest("hex");

type Line = { ok: true; line: ClickToCallSubmission["line"] } | { ok: false; response: Response };

/**
 * Which line the call starts from: `from` (a line's id or extension number, which the intake
 * resolves in the same read as its other facts), or a scoped key's own line when it is left out.
 */
function lineOf(ctx: ApiContext, from: string | undefined): Line {
  const own = ctx.key.sipAccountId;
  if (from !== undefined) return { ok: true, line: { idOrExtension: from, onlyAccountId: own } };
  if (own) return { ok: true, line: { sipAccountId: own } };
  return { ok: false, response: invalid("from is required: this key may start calls from any line, so say which.") };
}

const LINE_ANSWERS = {
  NOT_OWN: () => apiError(403, "FORBIDDEN", "This API key may only start calls from its own line."),
  NOT_FOUND: () => apiError(404, "NOT_FOUND", "from names no line of your company."),
};

export async function createCallback(request: Request, ctx: ApiContext): Promise<Response> {
  const idempotencyHeader = request.headers.get("idempotency-key");
  const idempotencyKey = idempotencyHeader === null ? null : ZIdempotencyKey.safeParse(idempotencyHeader);
  if (idempotencyKey && !idempotencyKey.success) return invalid(firstIssue(idempotencyKey.error));
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return invalid(body.message, body.status);
  const parsed = ZCreateCallbackBody.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error.issues[0]?.code === "invalid_type" && parsed.error.issues[0].path.length === 0 ? "The body must be a JSON object." : firstIssue(parsed.error));

  const line = lineOf(ctx, parsed.data.from);
  if (!line.ok) return line.response;
  const fingerprint = requestFingerprint(parsed.data);
  const submit = () => submitClickToCall({
    source: "API",
    tenantId: ctx.key.tenantId,
    line: line.line,
    dialled: parsed.data.to,
    apiKeyId: ctx.key.id,
    apiKeyRateLimitPerMinute: ctx.key.rateLimitPerMinute,
    clientIp: ctx.clientIp,
    idempotency: idempotencyKey ? { key: idempotencyKey.data, fingerprint } : null,
  });
  const result = idempotencyKey ? await oneAtATime(`${ctx.key.id}\n${idempotencyKey.data}`, submit) : await submit();
  if (!result.ok && "line" in result) return LINE_ANSWERS[result.line]();
  if (!result.ok) {
    const { refusal } = result;
    return apiError(refusal.httpStatus, refusal.code, refusal.message, refusal.retryAfterSec !== undefined ? retryAfter(refusal.retryAfterSec) : {});
  }
  if (result.isReplay && result.request.requestFingerprint !== fingerprint) {
    return apiError(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  }
  const headers: Record<string, string> = { location: `/api/v1/callbacks/${result.request.id}` };
  if (result.isReplay) headers["idempotent-replayed"] = "true";
  return jsonResponse(describeCallbackStatus(result.request), 201, headers);
}

/**
 * Retries of one Idempotency-Key that arrive together run one after another in this process,
 * so the later ones find the first one's request and replay it instead of each counting
 * against the rate limits (and being refused) before it is committed. Across web instances
 * the unique index (apiKeyId, idempotencyKey) still lets only one request exist.
 */
const inFlight = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  for (let waiting = inFlight.get(key); waiting; waiting = inFlight.get(key)) await waiting.catch(() => {});
  const running = run();
  inFlight.set(key, running);
  try {
    return await running;
  } finally {
    if (inFlight.get(key) === running) inFlight.delete(key);
  }
}

/** A key scoped to a line sees only that line's requests; any key only its own company's. */
const visibleTo = (ctx: ApiContext) => (ctx.key.sipAccountId ? { sipAccountId: ctx.key.sipAccountId } : {});

export async function getCallback(_request: Request, ctx: ApiContext, id: string): Promise<Response> {
  const notFound = () => apiError(404, "NOT_FOUND", "No such callback request.");
  if (id.length === 0 || id.length > 64) return notFound();
  const row = await tenantDb(ctx.key.tenantId).callbackRequest.findFirst({ where: { id, ...visibleTo(ctx) } });
  return row ? jsonResponse(describeCallbackStatus(row), 200) : notFound();
}

export async function listCallbacks(request: Request, ctx: ApiContext): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const query = ZListQuery.safeParse(Object.fromEntries(params));
  if (!query.success) return invalid(firstIssue(query.error));
  if (new Set(params.keys()).size !== [...params.keys()].length) return invalid("Give each query parameter once.");
  const after = query.data.cursor === undefined ? null : decodeCursor(query.data.cursor);
  if (after === false) return invalid("cursor is not valid: pass nextCursor of the previous page as it is.");
  const rows = await tenantDb(ctx.key.tenantId).callbackRequest.findMany({
    where: {
      ...visibleTo(ctx),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.data.limit + 1,
  });
  const page = rows.slice(0, query.data.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.data.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
  return jsonResponse({ data: page.map((row) => describeCallbackStatus(row)), nextCursor }, 200);
}
