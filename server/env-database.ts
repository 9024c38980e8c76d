import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * Database settings shared by the web app, the worker, scripts and tests. Read lazily so
 * test setup can point DATABASE_URL at a fresh database before the first query.
 */
export function databaseEnv() {
  return createEnv({
    server: {
      DATABASE_URL: z.url().refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL"),
      DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
}
