/**
 * GET /api/events: the signed-in user's presence stream. The session loader is injected so
 * the route file stays one line and tests can call the handler without Next's request scope.
 * The stream lasts only as long as the session it was opened with (session-watch.ts).
 */
import type { LiveSession } from "../auth/session-watch";
import { tenantDb } from "../tenancy";
import type { PresenceHub } from "./presence-hub";
import { createPresenceStream } from "./presence-stream";
import { presenceFilterFor } from "./presence-state";

type EventsHandlerDeps = {
  /** The request's session; the route reads it from Next's request scope and ignores the argument. */
  getSession: (request: Request) => Promise<LiveSession | null>;
  hub?: PresenceHub;
  heartbeatMs?: number;
};

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform stops compressing proxies from buffering the stream into silence.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // nginx buffers proxied responses unless told not to.
  "X-Accel-Buffering": "no",
};

const refuse = (status: 401 | 403, message: string) =>
  Response.json({ error: { code: status === 401 ? "unauthorized" : "forbidden", message } }, { status, headers: { "Cache-Control": "no-store" } });

export function createEventsHandler({ getSession, hub, heartbeatMs }: EventsHandlerDeps) {
  return async function GET(request: Request): Promise<Response> {
    const session = await getSession(request);
    if (!session) return refuse(401, "Sign in to receive live updates.");
    const { user } = session;
    if (!user.tenantId) return refuse(403, "Live updates are for customer accounts.");
    // The viewer's reach is fixed when the stream opens; a change of extension owner takes
    // effect on the browser's next reconnect (EventSource retries on its own). A change of role
    // or company ends the stream, as the end of the session does (session-watch.ts).
    const filter = await presenceFilterFor(tenantDb(user.tenantId), user);
    const callbackViewer = { userId: user.id, isAdmin: user.role === "CUSTOMER_ADMIN" };
    const body = createPresenceStream({ tenantId: user.tenantId, filter, callbackViewer, signal: request.signal, watchSession: session.watch, hub, heartbeatMs });
    return new Response(body, { headers: SSE_HEADERS });
  };
}
