import { getLiveSession } from "@/server/auth";
import { createReportExportHandler } from "@/server/modules/reports/export";

// Streamed per request (the calls export pages through the range as the client reads).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = createReportExportHandler({ getSession: () => getLiveSession() });
