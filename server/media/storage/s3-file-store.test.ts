import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Local, type S3Local } from "@/tests/fixtures/s3-local";
import { createMediaStores } from "./create-media-store";
import { LocalFileStore } from "./local-file-store";
import { createPromptFiles } from "./prompt-files";
import { S3FileStore } from "./s3-file-store";
import { tenantFileKey } from "./tenant-file-key";

let s3: S3Local;
let store: S3FileStore;
let root: string;
beforeAll(async () => {
  s3 = await startS3Local();
  store = new S3FileStore({ endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  root = mkdtempSync(path.join(tmpdir(), "media-s3-"));
});
afterAll(async () => {
  await s3.close();
  rmSync(root, { recursive: true, force: true });
});

const recordingKey = (fileId: string) => tenantFileKey({ tenantId: "t1", kind: "recordings", fileId, ext: "wav" });

describe("S3FileStore", () => {
  it("puts, reads, checks and deletes an object under its key, path-style in the bucket", async () => {
    const key = recordingKey("r1");
    const bytes = Buffer.from("RIFF....WAVEfmt ");
    await store.put(key, bytes);
    expect(s3.objects.get(key)).toEqual(bytes);
    expect(await store.get(key)).toEqual({ bytes, sizeBytes: bytes.length });
    expect(await store.exists(key)).toBe(true);
    await store.delete(key);
    expect(s3.objects.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(await store.exists(key)).toBe(false);
    await expect(store.delete(key)).resolves.toBeUndefined();
    // Every request above was signed well enough for the server's own check.
    expect(s3.requests.filter((r) => r.status === 403)).toEqual([]);
  });

  it("carries binary content byte for byte", async () => {
    const key = recordingKey("r2");
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await store.put(key, bytes);
    expect((await store.get(key))?.bytes.equals(bytes)).toBe(true);
  });

  it("fails clearly when the secret is wrong, and stores nothing", async () => {
    const wrong = new S3FileStore({ endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: "not-the-secret" });
    const key = recordingKey("r3");
    await expect(wrong.put(key, Buffer.from("x"))).rejects.toThrow(/S3 PUT t1\/recordings\/r3.wav failed: 403 SignatureDoesNotMatch/);
    await expect(wrong.get(key)).rejects.toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    expect(s3.objects.has(key)).toBe(false);
  });

  it("fails for an unknown key id and a wrong region", async () => {
    const opts = { endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
    await expect(new S3FileStore({ ...opts, accessKeyId: "AKIAOTHER" }).exists(recordingKey("r4"))).rejects.toMatchObject({ status: 403 });
    await expect(new S3FileStore({ ...opts, region: "eu-west-1" }).get(recordingKey("r4"))).rejects.toMatchObject({ code: "AuthorizationHeaderMalformed" });
  });

  it("refuses keys tenantFileKey would not make, before any request", async () => {
    const before = s3.requests.length;
    for (const key of ["../x/recordings/a.wav", "t1/recordings/../../a.wav", "t1/secrets/a.wav"]) {
      await expect(store.put(key, Buffer.from("x")), key).rejects.toThrow(/not a media file key/);
    }
    expect(s3.requests.length).toBe(before);
  });
});

describe("createMediaStores and promptFileFor", () => {
  const env = { MEDIA_DIR: "", MEDIA_STORE: "s3" as const, S3_REGION: "us-east-1" };

  it("copies an S3 prompt into MEDIA_DIR once, and gives Asterisk that path", async () => {
    const { store: s3Store, local } = createMediaStores({
      ...env, MEDIA_DIR: root, S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
    expect(s3Store).toBeInstanceOf(S3FileStore);
    const key = tenantFileKey({ tenantId: "t1", kind: "prompts", fileId: "p1", ext: "wav" });
    await s3Store.put(key, Buffer.from("prompt-bytes"));
    const promptFileFor = createPromptFiles(s3Store, local);
    const gets = () => s3.requests.filter((r) => r.method === "GET" && r.key === key).length;
    const [a, b] = await Promise.all([promptFileFor(key), promptFileFor(key)]);
    expect(a).toBe(path.join(root, "t1", "prompts", "p1.wav"));
    expect(b).toBe(a);
    expect((await local.get(key))?.bytes.toString()).toBe("prompt-bytes");
    await promptFileFor(key);
    expect(gets()).toBe(1); // two concurrent asks and a later one: one download
    await expect(promptFileFor(tenantFileKey({ tenantId: "t1", kind: "prompts", fileId: "gone", ext: "wav" }))).rejects.toThrow(/missing from the media store/);
  });

  it("uses the local folder itself when MEDIA_STORE=local", () => {
    const { store: localStore, local } = createMediaStores({ ...env, MEDIA_STORE: "local", MEDIA_DIR: root });
    expect(localStore).toBe(local);
    expect(local).toBeInstanceOf(LocalFileStore);
  });

  it("refuses a half-configured S3 store", () => {
    expect(() => createMediaStores({ ...env, MEDIA_DIR: root, S3_ENDPOINT: s3.endpoint })).toThrow(/needs S3_ENDPOINT, S3_BUCKET/);
  });
});
