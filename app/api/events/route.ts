import { getLiveSession } from "@/server/auth";
import { createEventsHandler } from "@/server/realtime/events-handler";

// A long-lived stream per browser: never cached, never statically rendered, Node runtime (pg).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = createEventsHandler({ getSession: getLiveSession });
