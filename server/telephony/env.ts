import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { checkMediaStore, MEDIA_ENV_SCHEMA } from "../media-env.js";

/**
 * The worker's configuration. Only what the worker needs, so it starts without the web app's
 * auth or Stripe secrets. Read lazily (a function, not a module constant) so tests and the
 * bench can set DATABASE_URL before the first call.
 */
export function telephonyEnv() {
  return createEnv({
    server: {
      DATABASE_URL: z.url().refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL"),
      /** ARI base URL including `/ari`, e.g. http://asterisk:8088/ari. Empty: run the simulator in-process. */
      ARI_URL: z.url().optional(),
      ARI_USERNAME: z.string().min(1).default("centrex"),
      ARI_PASSWORD: z.string().min(1).default("centrex-dev-only"),
      ARI_APP: z.string().regex(/^[\w-]+$/).default("centrex"),
      ARI_RECONNECT_MAX_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
      /** The pjsip.conf endpoint outbound calls leave through (`PJSIP/<number>@<trunk>`). */
      ARI_TRUNK: z.string().regex(/^[\w-]+$/).default("trunk"),
      WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
      /**
       * This worker's node in CallbackRequest.claimedBy (default: the host name). On start the
       * worker settles callbacks an earlier process of the same node left, so two workers on
       * one host (one per Asterisk) need different names.
       */
      WORKER_NODE_ID: z.string().regex(/^[\w.-]+$/).optional(),
      SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(8088),
      /** Simulated time scale when the simulator runs in-process (1 = real time). */
      SIMULATOR_SPEED: z.coerce.number().positive().max(1000).default(1),
      /** The media store's folder, as for the web app (server/env.js): prompts and recordings. */
      MEDIA_DIR: z.string().min(1).default(".data/media"),
      ...MEDIA_ENV_SCHEMA,
      /** Simulator only: place random calls between demo phones so live pages move. */
      DEMO_TRAFFIC: z.enum(["on", "off"]).default("off"),
    },
    runtimeEnv: process.env,
    // A half-configured S3 store stops the worker at start, naming the missing variables.
    createFinalSchema: (shape) => z.object(shape).superRefine(checkMediaStore),
    emptyStringAsUndefined: true,
  });
}

export type TelephonyEnv = ReturnType<typeof telephonyEnv>;
