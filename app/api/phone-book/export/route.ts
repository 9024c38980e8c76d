import { getLiveSession } from "@/server/auth";
import { createPhoneBookExportHandler } from "@/server/modules/phone-book/export-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = createPhoneBookExportHandler({ getSession: () => getLiveSession() });

export function GET(request: Request) {
  return handler(request);
}
