/**
 * GET /api/media/recordings/<id>[?download=1]: a call recording's WAV, for whoever may see it
 * (access.ts). The session, the tenant and the viewer's reach are checked before the store is
 * touched; another company's recording, a colleague's, and a malformed id are all 404.
 */
import type { SessionUser } from "../../auth/session-user";
import { errorResponse, notFound, safeFileName, unauthorized, wavResponse } from "../../media/http/media-response";
import type { WebMediaStore } from "../../media/storage/web-media-store";
import { tenantDb } from "../../tenancy";
import { ZRecordId } from "../../validation/text";
import { visibleRecordingsWhere } from "./access";

type Deps = { getUser: (request: Request) => Promise<SessionUser | null>; store: () => WebMediaStore };

/** "recording-2026-12-02-1405-from-0201-to-442071234567.wav": readable, and nothing a header or path could trip on. */
export function recordingFileName(r: { startedAt: Date; callerNumber: string; calledNumber: string }): string {
  const at = r.startedAt.toISOString().slice(0, 16).replace("T", "-").replace(":", "");
  const digits = (n: string) => n.replace(/[^0-9]/g, "").slice(0, 20) || "unknown";
  return `${safeFileName(`recording-${at}-from-${digits(r.callerNumber)}-to-${digits(r.calledNumber)}`, "recording")}.wav`;
}

export function createRecordingFileHandler({ getUser, store }: Deps) {
  return async function GET(request: Request, recordingId: string): Promise<Response> {
    const user = await getUser(request);
    if (!user) return unauthorized();
    if (!user.tenantId) return errorResponse(403, "forbidden", "Recordings are for customer accounts.");
    if (!ZRecordId.safeParse(recordingId).success) return notFound("recording");
    const db = tenantDb(user.tenantId);
    const recording = await db.recording.findFirst({
      where: { AND: [{ id: recordingId }, await visibleRecordingsWhere(db, user)] },
      select: { fileKey: true, startedAt: true, callerNumber: true, calledNumber: true },
    });
    if (!recording) return notFound("recording");
    const file = await store().get(recording.fileKey);
    if (!file) {
      console.error(`[recordings] ${recording.fileKey} is missing from the media store`);
      return notFound("recording");
    }
    const isDownload = new URL(request.url).searchParams.get("download") === "1";
    return wavResponse(request, file.bytes, { downloadName: isDownload ? recordingFileName(recording) : undefined });
  };
}
