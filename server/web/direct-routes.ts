import type http from "node:http";

/**
 * Serves some App Router route modules straight from our HTTP server, without Next's request
 * pipeline (router, middleware matching, render context). The handlers are the very exports
 * Next serves in development (`GET`, `POST`, … taking a Request, returning a Response), so
 * each endpoint is defined once; this only skips per-request machinery a JSON endpoint never
 * uses. Used for the public callback API, whose throughput is benchmarked (bench/callback.ts):
 * Next's pipeline took more than half of its CPU per request.
 *
 * Methods behave as Next makes them: HEAD runs GET without the body, OPTIONS answers 204 with
 * Allow, any other method the module lacks gets 405 (with Allow, which Next leaves out).
 *
 * Only for modules that need nothing of Next at request time: no cookies(), headers(),
 * redirect() or notFound() from next/*, no middleware (proxy.ts skips /api/ anyway).
 */
// `never`: each module declares its own params' shape, which the template's names supply.
type RouteHandler = (request: Request, context: { params: Promise<never> }) => Response | Promise<Response>;
export type RouteModule = Partial<Record<(typeof HTTP_METHODS)[number], RouteHandler>>;

export interface DirectRoute {
  /** The path as OpenAPI writes it, parameters in braces: /api/v1/callbacks/{id}. */
  template: string;
  module: RouteModule;
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** The request's URL is built on this, never on the client's Host header, which no handler needs. */
const LOCAL_ORIGIN = "http://localhost";

/** /api/v1/callbacks/{id} → ^/api/v1/callbacks/(?<id>[^/]+)$ */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
    .map((part) => (part.startsWith("{") ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** The methods a module answers, as Allow lists them (HEAD and OPTIONS as Next adds them). */
function allowedMethods(module: RouteModule): string {
  const methods = new Set<string>(HTTP_METHODS.filter((m) => module[m]));
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods].sort().join(", ");
}

/**
 * The request body as a web stream that reads the socket only when the handler reads it.
 * Whatever the handler leaves unread (a refusal before the body, a body over the cap) is
 * discarded, so the connection stays usable for the client's next request; Readable.toWeb
 * would instead leave it paused, or destroy the socket when the stream is cancelled.
 */
function lazyBody(req: http.IncomingMessage) {
  let iterator: AsyncIterator<Buffer> | undefined;
  const discardRest = async () => {
    // The iterator lets go of the stream first: while it listens, resume() would do nothing.
    try {
      await iterator?.return?.();
    } catch {
      // The body already failed (the client went away): there is nothing left to read.
    }
    req.resume();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= req.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer>;
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      cancel: discardRest,
    },
    { highWaterMark: 0 },
  );
  return { stream, discardRest };
}

function toRequest(req: http.IncomingMessage, method: string, body: ReadableStream<Uint8Array> | null): Request {
  // req.headers, not rawHeaders: the web server wrote the client's address there (web-server.ts).
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (value) for (const one of value) headers.append(name, one);
  }
  return new Request(`${LOCAL_ORIGIN}${req.url}`, { method, headers, ...(body ? { body, duplex: "half" } : {}) } as RequestInit);
}

async function writeResponse(res: http.ServerResponse, response: Response, method: string): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  // The API's answers are small JSON documents: buffered, so each goes out with its length.
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(method === "HEAD" ? undefined : body);
}

/**
 * A handler for createWebServer() that answers the routes' paths and passes everything else
 * (and any path with a malformed escape) to `next`.
 */
export function withDirectRoutes(routes: readonly DirectRoute[], next: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void) {
  const compiled = routes.map((route) => ({ pattern: templatePattern(route.template), module: route.module, allow: allowedMethods(route.module) }));
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const match = url.startsWith("/") ? matchRoute(compiled, queryAt === -1 ? url : url.slice(0, queryAt)) : null;
    if (!match) return next(req, res);
    const method = (req.method ?? "GET").toUpperCase();
    const handler = match.route.module[method === "HEAD" && !match.route.module.HEAD ? "GET" : (method as keyof RouteModule)];
    if (!handler) {
      res.writeHead(method === "OPTIONS" ? 204 : 405, { allow: match.route.allow, "content-length": "0" });
      res.end();
      return;
    }
    const body = method === "GET" || method === "HEAD" ? null : lazyBody(req);
    try {
      const response = await handler(toRequest(req, method, body?.stream ?? null), { params: Promise.resolve(match.params as never) });
      await writeResponse(res, response, method);
    } finally {
      if (body && !req.complete) await body.discardRest();
    }
  };
}

function matchRoute<Route extends { pattern: RegExp }>(routes: readonly Route[], path: string) {
  for (const route of routes) {
    const found = route.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(found.groups ?? {})) {
      try {
        params[name] = decodeURIComponent(value);
      } catch {
        return null;
      }
    }
    return { route, params };
  }
  return null;
}
