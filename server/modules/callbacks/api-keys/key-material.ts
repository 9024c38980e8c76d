/**
 * API key material (issue 14). A key is "cbk_" + 43 base64url characters: 32 bytes from the
 * CSPRNG, so 256 random bits. Only its SHA-256 is stored; the first 12 characters are kept in
 * clear as its prefix so people can tell their keys apart in lists and logs.
 *
 * A fast hash is enough here, unlike passwords: a key is not a human choice that a dictionary
 * could find, so there is nothing for a slow hash to protect against. Pure: no database.
 */
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "cbk_";
export const API_KEY_RANDOM_BYTES = 32;
/** 4 + 43 characters; base64url of 32 bytes has no padding. */
export const API_KEY_PATTERN = /^cbk_[A-Za-z0-9_-]{43}$/;
export const API_KEY_DISPLAY_PREFIX_LENGTH = 12;

export interface GeneratedApiKey {
  /** The whole key: shown to its creator once, never stored. */
  key: string;
  prefix: string;
  secretHash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_PREFIX + randomBytes(API_KEY_RANDOM_BYTES).toString("base64url");
  return { key, prefix: key.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH), secretHash: hashApiKey(key) };
}

/** SHA-256 (hex) of the whole key, as ApiKey.secretHash stores it. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A bearer token that cannot be a key is refused before any database lookup. */
export const looksLikeApiKey = (value: string) => API_KEY_PATTERN.test(value);
