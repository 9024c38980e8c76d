import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The web app's environment, validated at start-up (next.config.js imports this file), so a
 * missing or malformed variable stops the server with a message naming it.
 * The worker has its own, smaller env (server/telephony/env.ts).
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)"),
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    /** Trust X-Forwarded-For for the client IP (sign-in lockout). Only behind a proxy you run. */
    TRUST_PROXY: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
});
