import { getSessionUser } from "@/server/auth";
import { mediaStore } from "@/server/media/storage/web-media-store";
import { createRecordingFileHandler } from "@/server/modules/recordings/file-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = createRecordingFileHandler({ getUser: () => getSessionUser(), store: mediaStore });

export async function GET(request: Request, { params }: { params: Promise<{ recordingId: string }> }) {
  return handler(request, (await params).recordingId);
}
