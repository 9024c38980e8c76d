/**
 * The media store: where voice prompts and call recordings live, by tenantFileKey. Two
 * implementations: LocalFileStore (a folder, the default) and S3FileStore (an S3-compatible
 * bucket). Both treat a missing file as null / false and a repeated delete as done, so jobs
 * that retry (retention, recording upload) need no special cases.
 */
import type { StoredFile } from "./local-file-store";
import type { MediaKind } from "./tenant-file-key";

export type { StoredFile } from "./local-file-store";

export interface MediaStore {
  /** Writes the whole file under `key`, replacing any; readers never see half a file. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The file, or null when there is none under that key. */
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the file; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
}

/** A store that can list its files (the local folder; the retention job finds orphans with it). */
export interface ListableMediaStore extends MediaStore {
  /** Every file of one kind, all tenants, with its last change; only names tenantFileKey makes. */
  list(kind: MediaKind): Promise<{ key: string; modifiedAt: Date }[]>;
}

export const isListable = (store: MediaStore): store is ListableMediaStore => typeof (store as Partial<ListableMediaStore>).list === "function";
