/**
 * The media store the web app uses: one factory, so a deployment's store (the local folder
 * today; an S3-compatible store behind the same put/get/exists/delete) is chosen in one place.
 * Services take the store as an argument, so tests hand them a store on a folder of their own.
 */
import { env } from "../../env.js";
import { LocalFileStore, type StoredFile } from "./local-file-store";

/** What the portal needs of a media store: the operations every implementation has. */
export interface WebMediaStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

let store: WebMediaStore | undefined;

/** The process's store on env.MEDIA_DIR, made on first use. */
export function mediaStore(): WebMediaStore {
  return (store ??= new LocalFileStore(env.MEDIA_DIR));
}
