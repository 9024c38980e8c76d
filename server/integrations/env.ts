import { z } from "zod";

const ZIntegrationsEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Seals partners' integration credentials (secret-box.ts); AUTH_SECRET when unset. */
  INTEGRATIONS_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_SECRET: z.string().optional(),
  /** How long a DID supplier may take to answer before the call counts as a timeout. */
  DID_SUPPLIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

/**
 * Configuration of the partner integrations (DID suppliers, SMS gateways), which run in the web
 * app and in the worker's reconciler alike, so neither process's own env module can own it.
 * Read on each use: cheap, and tests may change it per file.
 */
export function integrationsEnv() {
  const parsed = ZIntegrationsEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) throw new Error(`Invalid integration settings: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
