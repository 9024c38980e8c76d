/**
 * The media store the environment asks for (MEDIA_STORE, server/media-env.js): the local
 * folder, or an S3-compatible bucket. Takes the validated env values rather than reading the
 * environment, so the web app (server/env.js) and the worker (telephony/env.ts) share it.
 */
import { LocalFileStore } from "./local-file-store";
import type { MediaStore } from "./media-store";
import { S3FileStore } from "./s3-file-store";

export interface MediaStoreEnv {
  MEDIA_DIR: string;
  MEDIA_STORE: "local" | "s3";
  S3_ENDPOINT?: string | undefined;
  S3_BUCKET?: string | undefined;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
}

export interface MediaStores {
  /** Where files are kept. */
  store: MediaStore;
  /** The folder Asterisk plays prompts from: the store itself when local, else a local copy. */
  local: LocalFileStore;
}

/** Throws if MEDIA_STORE=s3 lacks a setting (the env check refuses that earlier, with names). */
export function createMediaStores(env: MediaStoreEnv): MediaStores {
  const local = new LocalFileStore(env.MEDIA_DIR);
  if (env.MEDIA_STORE === "local") return { store: local, local };
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new Error("MEDIA_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  }
  const store = new S3FileStore({
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
  });
  return { store, local };
}
