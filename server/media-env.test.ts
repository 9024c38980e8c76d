import { afterEach, describe, expect, it } from "vitest";
import { telephonyEnv } from "./telephony/env";

const S3_VARS = ["MEDIA_STORE", "S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
/** The worker's env needs a database URL too; unit runs may have none. */
const SAVED_VARS = [...S3_VARS, "DATABASE_URL"] as const;
const saved = Object.fromEntries(SAVED_VARS.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of SAVED_VARS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const withEnv = (vars: Partial<Record<(typeof S3_VARS)[number], string>>) => {
  for (const name of S3_VARS) delete process.env[name];
  process.env.DATABASE_URL = "postgresql://localhost/unused";
  Object.assign(process.env, vars);
  return telephonyEnv();
};

describe("media store settings (MEDIA_STORE, S3_*)", () => {
  it("defaults to the local store", () => {
    expect(withEnv({})).toMatchObject({ MEDIA_STORE: "local", S3_REGION: "us-east-1" });
  });

  it("takes a complete S3 configuration", () => {
    const env = withEnv({ MEDIA_STORE: "s3", S3_ENDPOINT: "http://minio:9000", S3_BUCKET: "centrex-media", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" });
    expect(env).toMatchObject({ MEDIA_STORE: "s3", S3_BUCKET: "centrex-media", S3_ENDPOINT: "http://minio:9000" });
  });

  it("stops the start when S3 is half configured or malformed", () => {
    expect(() => withEnv({ MEDIA_STORE: "s3", S3_BUCKET: "centrex-media" })).toThrow(/Invalid environment variables/);
    expect(() => withEnv({ MEDIA_STORE: "s3", S3_ENDPOINT: "http://minio:9000", S3_BUCKET: "Bad_Bucket", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" })).toThrow();
    expect(() => withEnv({ MEDIA_STORE: "ftp" })).toThrow();
  });
});
