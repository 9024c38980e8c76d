import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { checkMediaStore, MEDIA_ENV_SCHEMA } from "./media-env.js";
import { checkSipSettings, SIP_ENV_SCHEMA } from "./sip-env.js";
import { CALLBACK_ENV_SCHEMA, checkCallbackSettings } from "./callback-env.js";

const MAX_PROXY_HOPS = 10;
const HOPS_RANGE = `must be a whole number from 0 to ${MAX_PROXY_HOPS}`;

/**
 * @template {{ TRUST_PROXY?: "true" | "false"; TRUST_PROXY_HOPS?: number }} T
 * @param {T} vars
 * @param {z.RefinementCtx} ctx
 * @returns {Omit<T, "TRUST_PROXY" | "TRUST_PROXY_HOPS"> & { TRUST_PROXY_HOPS: number }}
 */
function resolveProxyHops(vars, ctx) {
  const { TRUST_PROXY, TRUST_PROXY_HOPS, ...rest } = vars;
  const fromSwitch = TRUST_PROXY === undefined ? undefined : TRUST_PROXY === "true" ? 1 : 0;
  const isContradiction = fromSwitch !== undefined && TRUST_PROXY_HOPS !== undefined && (fromSwitch === 0) !== (TRUST_PROXY_HOPS === 0);
  if (isContradiction) {
    ctx.addIssue({
      code: "custom",
      path: ["TRUST_PROXY_HOPS"],
      message: `TRUST_PROXY=${TRUST_PROXY} contradicts TRUST_PROXY_HOPS=${TRUST_PROXY_HOPS}: set only TRUST_PROXY_HOPS (0 = no proxy)`,
    });
    return z.NEVER;
  }
  return { ...rest, TRUST_PROXY_HOPS: TRUST_PROXY_HOPS ?? fromSwitch ?? 0 };
}

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
    /**
     * How many reverse proxies you run in front of the portal, each appending the address it
     * received a request from to X-Forwarded-For. The sign-in limits count the address that many
     * entries from the right (server/web/client-address.ts). 0: no proxy, the socket's address.
     */
    TRUST_PROXY_HOPS: z.coerce.number({ error: HOPS_RANGE }).int(HOPS_RANGE).min(0, HOPS_RANGE).max(MAX_PROXY_HOPS, HOPS_RANGE).optional(),
    /** The older switch, kept working: true is one proxy, false none. */
    TRUST_PROXY: z.enum(["true", "false"], { error: 'must be "true" or "false" (or set TRUST_PROXY_HOPS)' }).optional(),
    /** The portal's public base URL; Stripe Checkout returns customers here. */
    APP_URL: z.url().default("http://localhost:3000"),
    ...SIP_ENV_SCHEMA,
    /** Stripe secret key. Absent: card top-ups are off and partners credit customers by hand. */
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must be a Stripe secret key (sk_...)").optional(),
    /** Signing secret of the webhook endpoint /api/webhooks/stripe. */
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must be a Stripe webhook signing secret (whsec_...)").optional(),
    /**
     * Folder of the local media store (voice prompts, call recordings), relative to the working
     * directory or absolute. Asterisk plays prompts from it by absolute path, so on a separate
     * Asterisk host it must be the same folder (a shared mount) at the same path.
     */
    MEDIA_DIR: z.string().min(1).default(".data/media"),
    ...MEDIA_ENV_SCHEMA,
    ...CALLBACK_ENV_SCHEMA,
    /** Tests only: send Stripe API calls to this base URL (e.g. http://127.0.0.1:4010) instead of api.stripe.com. */
    STRIPE_API_BASE: z.url().optional(),
  },
  client: {},
  // TRUST_PROXY and TRUST_PROXY_HOPS become one number; a contradiction stops the start, and
  // so do SIP settings that contradict each other or the deployment.
  createFinalSchema: (shape) => z.object(shape).superRefine(checkSipSettings).superRefine(checkMediaStore).superRefine(checkCallbackSettings).transform(resolveProxyHops),
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
});
