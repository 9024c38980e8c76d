import { getSessionUser } from "@/server/auth";
import { mediaStore } from "@/server/media/storage/web-media-store";
import { createPromptFileHandler } from "@/server/modules/prompts/file-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = createPromptFileHandler({ getUser: () => getSessionUser(), store: mediaStore });

export async function GET(request: Request, { params }: { params: Promise<{ promptId: string }> }) {
  return handler(request, (await params).promptId);
}
