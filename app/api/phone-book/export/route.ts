import { getSessionUser } from "@/server/auth";
import { createPhoneBookExportHandler } from "@/server/modules/phone-book/export-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = createPhoneBookExportHandler({ getUser: () => getSessionUser() });

export function GET(request: Request) {
  return handler(request);
}
