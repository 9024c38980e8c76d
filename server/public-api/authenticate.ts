/**
 * `Authorization: Bearer <key>` to the key's company (issue 14). The key's SHA-256 is looked
 * up by its unique index: the database compares hashes, never the key, and a timing
 * difference could at most tell an attacker something about a hash they cannot invert, so a
 * constant-time comparison would protect nothing here.
 *
 * This runs before a tenant is known, so it reads ApiKey unscoped, by hash only; everything
 * after it goes through tenantDb(key.tenantId).
 */
import { prepare, runPrepared } from "@/server/database/prepared";
import { db } from "@/server/db";
import { env } from "@/server/env.js";
import { hashApiKey, looksLikeApiKey } from "@/server/modules/callbacks/api-keys/key-material";
import { apiError, retryAfter } from "./errors";
import { authFailureBlock, recordAuthFailure } from "./auth-failures";

export interface AuthenticatedKey {
  id: string;
  tenantId: string;
  sipAccountId: string | null;
  rateLimitPerMinute: number;
}

/** lastUsedAt is written at most once a minute per key, so a busy key costs no write per request. */
const LAST_USED_GRANULARITY_MS = 60_000;

const BEARER = /^Bearer ([^\s]+)$/i;

export type Authentication = { ok: true; key: AuthenticatedKey } | { ok: false; response: Response };

const unauthenticated = (message: string): Authentication => ({
  ok: false,
  response: apiError(401, "UNAUTHENTICATED", message, { "www-authenticate": 'Bearer realm="callbacks"' }),
});

function limited(seconds: number): Authentication {
  return { ok: false, response: apiError(429, "RATE_LIMITED", "Too many failed authentications from your network. Please wait and try again.", retryAfter(seconds)) };
}

const unavailable = (): Authentication => ({
  ok: false,
  response: apiError(503, "CHECK_UNAVAILABLE", "Authentication is unavailable right now. Please try again shortly.", retryAfter(30)),
});

type KeyRow = { id: string; tenantId: string; sipAccountId: string | null; rateLimitPerMinute: number; revokedAt: Date | null; lastUsedAt: Date | null };

/** A prepared statement because this runs on every API request (server/database/prepared.ts). */
const KEY_BY_HASH = prepare<KeyRow>("api-key-by-hash", `
  SELECT "id", "tenantId", "sipAccountId", "rateLimitPerMinute", "revokedAt", "lastUsedAt"
  FROM "ApiKey" WHERE "secretHash" = $1`);

async function findKeyByHash(secretHash: string): Promise<KeyRow | null> {
  return (await runPrepared(KEY_BY_HASH, [secretHash]))[0] ?? null;
}

export async function authenticateApiKey(headers: Headers, clientIp: string, now = new Date()): Promise<Authentication> {
  const limitsOn = env.CALLBACK_RATE_LIMITS !== "off";
  const token = BEARER.exec(headers.get("authorization") ?? "")?.[1] ?? null;
  let blockedFor: number | null;
  let row: KeyRow | null;
  try {
    // Both reads at once: the failure check adds no latency to a good request.
    [blockedFor, row] = await Promise.all([
      limitsOn ? authFailureBlock(clientIp, now) : Promise.resolve(null),
      token && looksLikeApiKey(token) ? findKeyByHash(hashApiKey(token)) : Promise.resolve(null),
    ]);
  } catch (err) {
    console.error("API key authentication could not be checked", { err });
    return unavailable();
  }
  if (blockedFor !== null) return limited(blockedFor);
  if (!row || row.revokedAt) {
    if (limitsOn) {
      try {
        const over = await recordAuthFailure(clientIp, now);
        if (over !== null) return limited(over);
      } catch (err) {
        console.error("API authentication failure could not be counted", { err });
        return unavailable();
      }
    }
    if (!token) return unauthenticated("Send your API key as `Authorization: Bearer <key>`.");
    return unauthenticated(row?.revokedAt ? "This API key has been revoked." : "This API key is not valid.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    // Conditional, so instances racing on the same key write once; a failure here costs only the timestamp.
    await db.apiKey
      .updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS + 1) } }] }, data: { lastUsedAt: now } })
      .catch((err: unknown) => console.error("API key lastUsedAt could not be written", { keyId: row.id, err }));
  }
  return { ok: true, key: { id: row.id, tenantId: row.tenantId, sipAccountId: row.sipAccountId, rateLimitPerMinute: row.rateLimitPerMinute } };
}
