/**
 * The ARI REST front door: every request is matched against the client's operation table
 * (proven against Asterisk's spec by the conformance test) and refused with 400 when Asterisk
 * would refuse it, before any handler runs. A declared operation without a handler answers 501.
 */
import { checkDeclaredRequest, matchDeclaredOperation } from "../ari/operation-match";
import type { SimCore } from "./core";
import { AriHttpError } from "./http-error";
import { BRIDGE_HANDLERS } from "./rest-bridges";
import { CHANNEL_HANDLERS } from "./rest-channels";
import { SYSTEM_HANDLERS } from "./rest-system";
import type { RestHandler, RestResult } from "./rest-types";

const HANDLERS: Readonly<Record<string, RestHandler>> = { ...SYSTEM_HANDLERS, ...CHANNEL_HANDLERS, ...BRIDGE_HANDLERS };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Answers one ARI request (`path` still carries the `/ari` prefix). */
export function handleAriRequest(core: SimCore, method: string, path: string, search: URLSearchParams, bodyText: string): RestResult {
  const query = Object.fromEntries(search);
  let body: Record<string, unknown> | undefined;
  if (bodyText.trim() !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      return { status: 400, json: { message: "Failed to parse body as JSON" } };
    }
    if (!isObject(parsed)) return { status: 400, json: { message: "Request body must be a JSON object" } };
    body = parsed;
  }
  const match = matchDeclaredOperation(method, path);
  if (!match) {
    const isOtherMethod = ["GET", "POST", "PUT", "DELETE"].some((m) => matchDeclaredOperation(m, path));
    return isOtherMethod
      ? { status: 405, json: { message: "Invalid method" } }
      : { status: 404, json: { message: "Resource not found" } };
  }
  const problems = checkDeclaredRequest(method, path, { query, ...(body ? { body } : {}) });
  if (problems.length) return { status: 400, json: { message: problems.join("; ") } };
  const handler = HANDLERS[`${match.operation.method} ${match.operation.path}`];
  if (!handler) {
    return { status: 501, json: { message: `${match.operation.method} ${match.operation.path} is not implemented by the ARI simulator` } };
  }
  try {
    return handler({ core, params: match.pathParams, query, body }) ?? { status: 204 };
  } catch (err) {
    if (err instanceof AriHttpError) return { status: err.status, json: { message: err.message } };
    core.options.log(`simulator handler ${method} ${path} failed: ${String(err)}`);
    return { status: 500, json: { message: "Internal Server Error" } };
  }
}
