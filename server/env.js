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
    /** The portal's public base URL; Stripe Checkout returns customers here. */
    APP_URL: z.url().default("http://localhost:3000"),
    /** Host name phones register to, shown with new SIP credentials. Empty: APP_URL's host name. */
    SIP_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+$/i, "must be a host name such as sip.example.com")
      .optional(),
    /** Stripe secret key. Absent: card top-ups are off and partners credit customers by hand. */
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must be a Stripe secret key (sk_...)").optional(),
    /** Signing secret of the webhook endpoint /api/webhooks/stripe. */
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must be a Stripe webhook signing secret (whsec_...)").optional(),
    /** Tests only: send Stripe API calls to this base URL (e.g. http://127.0.0.1:4010) instead of api.stripe.com. */
    STRIPE_API_BASE: z.url().optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
});
