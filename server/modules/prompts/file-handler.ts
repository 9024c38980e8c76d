/**
 * GET /api/media/prompts/<id>[?download=1]: the converted WAV, for the company's admins.
 * The session and the tenant are checked before the store is touched; another company's id,
 * or one that is not an id at all, is a 404 like a missing one.
 */
import type { SessionUser } from "../../auth/session-user";
import { errorResponse, notFound, safeFileName, unauthorized, wavResponse } from "../../media/http/media-response";
import type { WebMediaStore } from "../../media/storage/web-media-store";
import { tenantDb } from "../../tenancy";
import { ZRecordId } from "../../validation/text";

type Deps = { getUser: (request: Request) => Promise<SessionUser | null>; store: () => WebMediaStore };

export function createPromptFileHandler({ getUser, store }: Deps) {
  return async function GET(request: Request, promptId: string): Promise<Response> {
    const user = await getUser(request);
    if (!user) return unauthorized();
    if (!user.tenantId || user.role !== "CUSTOMER_ADMIN") return errorResponse(403, "forbidden", "Only your company's administrators can play prompts.");
    if (!ZRecordId.safeParse(promptId).success) return notFound("prompt");
    const prompt = await tenantDb(user.tenantId).voicePrompt.findUnique({ where: { id: promptId }, select: { name: true, fileKey: true } });
    if (!prompt) return notFound("prompt");
    const file = await store().get(prompt.fileKey);
    if (!file) {
      console.error(`[prompts] ${prompt.fileKey} is missing from the media store`);
      return notFound("prompt");
    }
    const isDownload = new URL(request.url).searchParams.get("download") === "1";
    return wavResponse(request, file.bytes, { downloadName: isDownload ? `${safeFileName(prompt.name, "prompt")}.wav` : undefined });
  };
}
