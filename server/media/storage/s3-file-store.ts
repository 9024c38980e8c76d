/**
 * Media files in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW), addressed path-style
 * (`<endpoint>/<bucket>/<key>`), which every one of them accepts and which needs no DNS per
 * bucket. Requests are signed with SigV4 (sigv4.ts) over fetch. S3 PUTs are atomic (an object
 * appears whole or not at all), which gives the same guarantee as LocalFileStore's rename.
 */
import { fetch } from "undici";
import { parseTenantFileKey } from "./tenant-file-key";
import type { MediaStore, StoredFile } from "./media-store";
import { sha256Hex, signS3Request, type S3Credentials } from "./sigv4";

export interface S3StoreOptions extends S3Credentials {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000 */
  endpoint: string;
  bucket: string;
  /** Per request; default 30 s (a recording of an hour is about 58 MB). */
  timeoutMs?: number;
  clock?: () => Date;
}

/** A refused or failed S3 request; `code` is S3's error code (e.g. SignatureDoesNotMatch) when it sent one. */
export class S3RequestError extends Error {
  constructor(
    readonly method: string,
    readonly key: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(`S3 ${method} ${key} failed: ${status}${code ? ` ${code}` : ""}`);
    this.name = "S3RequestError";
  }
}

export class S3FileStore implements MediaStore {
  private readonly base: string;
  private readonly credentials: S3Credentials;

  constructor(private readonly options: S3StoreOptions) {
    this.base = `${options.endpoint.replace(/\/+$/, "")}/${options.bucket}`;
    this.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region };
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const response = await this.send("PUT", key, bytes);
    await this.expectOk(response, "PUT", key);
  }

  async get(key: string): Promise<StoredFile | null> {
    const response = await this.send("GET", key);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    await this.expectOk(response, "GET", key, { keepBody: true });
    const data = Buffer.from(await response.arrayBuffer());
    return { bytes: data, sizeBytes: data.length };
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.send("HEAD", key);
    if (response.status === 404) return false;
    await this.expectOk(response, "HEAD", key);
    return true;
  }

  /** S3 answers 204 whether or not the object was there, so a repeated delete is done. */
  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    if (response.status === 404) return; // some S3-compatible servers say so; gone is gone
    await this.expectOk(response, "DELETE", key);
  }

  private async send(method: string, key: string, body?: Uint8Array) {
    if (parseTenantFileKey(key) === null) throw new Error(`not a media file key: ${JSON.stringify(key)}`);
    const url = new URL(`${this.base}/${key}`);
    const extra: Record<string, string> = body ? { "content-type": "audio/wav" } : {};
    const headers = signS3Request(
      { method, url, headers: extra, payloadHash: sha256Hex(body ?? ""), now: (this.options.clock ?? (() => new Date()))() },
      this.credentials,
    );
    return fetch(url, { method, headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
  }

  private async expectOk(response: Awaited<ReturnType<typeof fetch>>, method: string, key: string, options: { keepBody?: boolean } = {}) {
    if (response.ok) {
      if (!options.keepBody) await response.body?.cancel();
      return;
    }
    const text = method === "HEAD" ? "" : await response.text().catch(() => "");
    throw new S3RequestError(method, key, response.status, /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? null);
  }
}
