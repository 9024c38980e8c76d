/**
 * POST /api/media/prompts: a multipart form with `name` and `file`, from a company admin.
 * Checked in this order, so nothing is read or converted for a request that will be refused:
 * session (401), role (403), cross-site origin (403), the name and the limits (400/409/429),
 * then the body, streamed with a hard limit (413), then its content (create-prompt.ts).
 * The session loader and the store are injected, so the route file stays one line and tests
 * call this with real requests.
 */
import type { SessionUser } from "../../auth/session-user";
import { AppError } from "../../errors";
import { MAX_PROMPT_UPLOAD_BYTES } from "../../media/audio/convert-prompt";
import { appErrorResponse, errorResponse, unauthorized } from "../../media/http/media-response";
import { BodyTooLargeError, readLimitedBody } from "../../media/http/read-limited-body";
import { isCrossSiteRequest } from "../../media/http/same-origin";
import type { WebMediaStore } from "../../media/storage/web-media-store";
import { tenantDb } from "../../tenancy";
import { assertCanAddPrompt, createPrompt } from "./create-prompt";

/** Room for the multipart boundaries, headers and the name around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

type Deps = { getUser: (request: Request) => Promise<SessionUser | null>; store: () => WebMediaStore };

export function createPromptUploadHandler({ getUser, store }: Deps) {
  return async function POST(request: Request): Promise<Response> {
    const user = await getUser(request);
    if (!user) return unauthorized();
    if (!user.tenantId || user.role !== "CUSTOMER_ADMIN") return errorResponse(403, "forbidden", "Only your company's administrators can add prompts.");
    if (isCrossSiteRequest(request)) return errorResponse(403, "forbidden", "Uploads are accepted from the portal's own pages only.");
    const scope = { tenantId: user.tenantId, db: tenantDb(user.tenantId) };
    try {
      // The name travels in the query as well, so a bad name or a full quota is refused before the upload is read.
      const earlyName = new URL(request.url).searchParams.get("name");
      if (earlyName !== null) await assertCanAddPrompt(scope, earlyName);
      const form = await readForm(request);
      const file = form.get("file");
      const name = form.get("name");
      if (typeof name !== "string") throw new AppError("INVALID", "Name the prompt.", { fieldErrors: { name: "Name the prompt" } });
      if (!(file instanceof File)) throw new AppError("INVALID", "Choose a file to upload.", { fieldErrors: { file: "Choose a file" } });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const prompt = await createPrompt(scope, store(), { id: user.id, email: user.email }, name, { source: "UPLOAD", originalName: file.name, bytes });
      return Response.json({ prompt }, { status: 201, headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      if (err instanceof BodyTooLargeError) return errorResponse(413, "too_large", "The file is larger than 8 MB, the most a prompt can be.");
      return appErrorResponse(err, "POST /api/media/prompts");
    }
  };
}

async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("INVALID", "Send the file as a multipart form.");
  const body = await readLimitedBody(request, MAX_PROMPT_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES);
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch (err) {
    throw new AppError("INVALID", "The upload could not be read as a form.", { cause: err });
  }
}
