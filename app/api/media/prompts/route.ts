import { getSessionUser } from "@/server/auth";
import { mediaStore } from "@/server/media/storage/web-media-store";
import { createPromptUploadHandler } from "@/server/modules/prompts/upload-handler";

// Reads the session and converts with sox: per request, Node runtime.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = createPromptUploadHandler({ getUser: () => getSessionUser(), store: mediaStore });
