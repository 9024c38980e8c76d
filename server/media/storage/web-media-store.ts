/**
 * The media store the web app uses, chosen by the environment (MEDIA_STORE: the local folder
 * MEDIA_DIR, or an S3-compatible bucket; server/media-env.js) in one place. Services take the
 * store as an argument, so tests hand them a store on a folder of their own.
 */
import { env } from "../../env.js";
import { createMediaStores } from "./create-media-store";
import type { MediaStore } from "./media-store";

/** What the portal needs of a media store: the operations every implementation has. */
export type WebMediaStore = MediaStore;

let store: WebMediaStore | undefined;

/** The process's store, made on first use. */
export function mediaStore(): WebMediaStore {
  return (store ??= createMediaStores(env).store);
}
