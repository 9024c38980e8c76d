/**
 * Test support for the media flows: the folder the e2e web server keeps media in (its
 * MEDIA_DIR, default .data/media, resolved from the repository root where it runs), and a
 * WAV header read from bytes fetched through the portal.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/child-processes";

export const MEDIA_ROOT = path.resolve(REPO_ROOT, process.env.MEDIA_DIR ?? ".data/media");

/** The files in a tenant's folder of one kind; none when the folder does not exist yet. */
export function mediaFiles(tenantId: string, kind: "prompts" | "recordings"): string[] {
  try {
    return readdirSync(path.join(MEDIA_ROOT, tenantId, kind)).sort();
  } catch {
    return [];
  }
}
