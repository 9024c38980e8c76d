/**
 * Where media files (voice prompts, call recordings) are kept: the local folder MEDIA_DIR, or
 * an S3-compatible bucket (AWS S3, MinIO, Ceph RGW) with MEDIA_DIR as Asterisk's local copy of
 * the prompts. Shared by the web app's env (server/env.js) and the worker's
 * (server/telephony/env.ts), so both validate it the same way. JavaScript for the same reason
 * as sip-env.js (next.config.js imports env.js).
 */
import { z } from "zod";

export const MEDIA_ENV_SCHEMA = {
  /** `local`: files in MEDIA_DIR. `s3`: files in S3_BUCKET; prompts are copied to MEDIA_DIR for Asterisk. */
  MEDIA_STORE: z.enum(["local", "s3"], { error: 'must be "local" or "s3"' }).default("local"),
  /** The S3 API's base URL, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000 (path-style). */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)")
    .optional(),
  /** The region the signature names; MinIO and Ceph accept us-east-1. */
  S3_REGION: z.string().regex(/^[a-z0-9-]+$/, "must be a region name such as eu-west-1").default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
};

const S3_REQUIRED = /** @type {const} */ (["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]);

/**
 * With MEDIA_STORE=s3 every S3 setting must be there: a half-configured bucket would only fail
 * at the first recording, so it stops the start instead, naming what is missing.
 * @param {{ MEDIA_STORE?: "local" | "s3" } & Partial<Record<(typeof S3_REQUIRED)[number], string>>} vars
 * @param {z.RefinementCtx} ctx
 */
export function checkMediaStore(vars, ctx) {
  if (vars.MEDIA_STORE !== "s3") return;
  for (const name of S3_REQUIRED) {
    if (vars[name] === undefined) {
      ctx.addIssue({ code: "custom", path: [name], message: `${name} must be set when MEDIA_STORE=s3 (missing: ${S3_REQUIRED.filter((n) => vars[n] === undefined).join(", ")})` });
    }
  }
}
