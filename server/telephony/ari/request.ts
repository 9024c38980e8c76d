/**
 * The one path by which the client talks REST to Asterisk: `request(method, template, args)`.
 * It only sends operations and params declared in `ARI_OPERATIONS`.
 */
import { Agent, fetch, type Response } from "undici";
import { findAriOperation, type AriMethod, type AriOperation, type AriPathTemplate } from "./operations";

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestArgs {
  pathParams?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, QueryValue>>;
  /** ARI body params are the keys of one JSON object (e.g. `{ variables: {...} }`). */
  body?: Readonly<Record<string, unknown>>;
  /** "bytes": the body is returned as a Buffer (ARI's `binary` responses, e.g. a recording's file). */
  responseType?: "json" | "bytes";
}

export interface AriHttpOptions {
  /** ARI base URL including `/ari`, e.g. `http://127.0.0.1:8088/ari`. */
  baseUrl: string;
  username: string;
  password: string;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Keep-alive connections to Asterisk at most; requests beyond wait for one. Default 32. */
  maxConnections?: number;
}

export type AriRequest = (<T = unknown>(method: AriMethod, pathTemplate: AriPathTemplate, args?: RequestArgs) => Promise<T>) & {
  /** Closes the connection pool; requests after it fail. */
  close(): Promise<void>;
};

export type AriErrorKind = "http" | "timeout" | "network";

/** A failed ARI REST call. `status` is the HTTP status for kind "http", else undefined. */
export class AriError extends Error {
  constructor(
    readonly kind: AriErrorKind,
    readonly method: AriMethod,
    readonly path: string,
    readonly pathTemplate: string,
    readonly status: number | undefined,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`ARI ${method} ${path} failed: ${status ?? kind} ${detail}`.trim(), options);
    this.name = "AriError";
  }

  /** 404: the channel/bridge/playback is already gone, which is routine in telephony races. */
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

const requireOperation = (method: AriMethod, template: string): AriOperation => {
  const op = findAriOperation(method, template);
  if (!op) throw new Error(`ARI client bug: ${method} ${template} is not in ARI_OPERATIONS`);
  return op;
};

/** Fills `{placeholders}`; every placeholder must be given a non-empty value. */
export function renderPath(op: AriOperation, pathParams: Readonly<Record<string, string>> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (!value) throw new Error(`ARI client bug: ${op.method} ${op.path} needs path param '${name}'`);
    return encodeURIComponent(value);
  });
}

/** Encodes query params, refusing undeclared ones, missing required ones and enum values not declared. */
export function encodeQuery(op: AriOperation, query: Readonly<Record<string, QueryValue>> = {}): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (!(name in op.query)) throw new Error(`ARI client bug: '${name}' is not a query param of ${op.method} ${op.path}`);
    // ARI takes allowMultiple params as one comma-separated value.
    const text = Array.isArray(value) ? value.join(",") : String(value);
    const allowed = op.values?.[name];
    const bad = allowed && text.split(",").find((v) => !allowed.includes(v));
    if (bad) throw new Error(`ARI client bug: '${bad}' is not an allowed ${name} for ${op.method} ${op.path}`);
    search.set(name, text);
  }
  for (const [name, use] of Object.entries(op.query)) {
    if (use === "required" && !search.has(name)) throw new Error(`ARI client bug: ${op.method} ${op.path} needs '${name}'`);
  }
  return search;
}

function encodeBody(op: AriOperation, body: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const entries = Object.entries(body ?? {}).filter(([, v]) => v !== undefined);
  for (const [name] of entries) {
    if (!(name in op.body)) throw new Error(`ARI client bug: '${name}' is not a body param of ${op.method} ${op.path}`);
  }
  for (const [name, use] of Object.entries(op.body)) {
    if (use === "required" && !entries.some(([n]) => n === name)) throw new Error(`ARI client bug: ${op.path} needs body '${name}'`);
  }
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : undefined;
}

const errorDetail = (parsed: unknown, text: string): string =>
  typeof parsed === "object" && parsed !== null && "message" in parsed ? String(parsed.message) : text.slice(0, 200);

/**
 * Builds the client's request function. Throws AriError for HTTP, timeout and network failures.
 * Requests share a bounded pool of keep-alive connections: the global fetch opens a new one
 * whenever all are busy, so 200 calls at once held about 850 sockets to Asterisk, and searching
 * that pool cost a fifth of the worker's time (bench:worker).
 */
export function createRequest(options: AriHttpOptions): AriRequest {
  const base = options.baseUrl.replace(/\/+$/, "");
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const dispatcher = new Agent({ connections: options.maxConnections ?? 32, keepAliveTimeout: 10_000 });
  const request = async <T>(method: AriMethod, pathTemplate: AriPathTemplate, args: RequestArgs = {}): Promise<T> => {
    const op = requireOperation(method, pathTemplate);
    const path = renderPath(op, args.pathParams);
    const search = encodeQuery(op, args.query).toString();
    const body = encodeBody(op, args.body);
    const fail = (kind: AriErrorKind, status: number | undefined, detail: string, cause?: unknown) =>
      new AriError(kind, method, path, pathTemplate, status, detail, { cause });
    let response: Response;
    let text: string;
    let bytes: Buffer | undefined;
    const isBytes = args.responseType === "bytes";
    try {
      response = await fetch(`${base}${path}${search ? `?${search}` : ""}`, {
        method,
        headers: { authorization, accept: isBytes ? "*/*" : "application/json", ...(body ? { "content-type": "application/json" } : {}) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        dispatcher,
      });
      // Read the body inside the try: the timeout also covers a body that never arrives.
      if (isBytes && response.ok) {
        bytes = Buffer.from(await response.arrayBuffer());
        text = "";
      } else text = await response.text();
    } catch (err) {
      const isTimeout = err instanceof Error && err.name === "TimeoutError";
      throw fail(isTimeout ? "timeout" : "network", undefined, isTimeout ? `after ${timeoutMs} ms` : String(err), err);
    }
    if (bytes) return bytes as T;
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (!response.ok) throw fail("http", response.status, errorDetail(parsed, text));
    return parsed as T;
  };
  return Object.assign(request, { close: () => dispatcher.close() });
}
