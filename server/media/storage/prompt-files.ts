/**
 * Asterisk plays a prompt from a file on its own disk (`sound:<absolute path>`), wherever the
 * media store keeps it. `promptFileFor(fileKey)` returns that path, first copying the file from
 * the store into the local folder when it is not there yet (the S3 case). With the local store
 * the file is already there and nothing is copied. Prompts never change under a key (a new
 * upload gets a new id), so a copy once made stays right; concurrent asks share one download.
 */
import type { LocalFileStore } from "./local-file-store";
import type { MediaStore } from "./media-store";

export type PromptFileFor = (fileKey: string) => Promise<string>;

/** Throws when the store has no file under the key (the caller logs and plays nothing). */
export function createPromptFiles(store: MediaStore, local: LocalFileStore): PromptFileFor {
  const downloads = new Map<string, Promise<string>>();
  return async (fileKey) => {
    const path = local.pathOf(fileKey);
    if (store === local || (await local.exists(fileKey))) return path;
    let download = downloads.get(fileKey);
    if (!download) {
      download = (async () => {
        const file = await store.get(fileKey);
        if (!file) throw new Error(`prompt file missing from the media store: ${fileKey}`);
        await local.put(fileKey, file.bytes);
        return path;
      })().finally(() => downloads.delete(fileKey));
      downloads.set(fileKey, download);
    }
    return download;
  };
}
