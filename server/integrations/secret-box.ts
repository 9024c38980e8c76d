/**
 * Sealing the credentials partners give us (DID supplier API keys, SMS gateway tokens) before
 * they are stored: AES-256-GCM under a key derived (HKDF-SHA256) from INTEGRATIONS_SECRET, or
 * AUTH_SECRET when that is not set. A database dump alone then reveals no partner's keys, and
 * a tampered value fails to open instead of being used. The web and the worker (which runs
 * the reconciler) derive the same key from the same environment.
 *
 * Rotating the secret makes stored credentials unreadable: partners re-enter them.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { integrationsEnv } from "./env";

const VERSION = "v1";

function key(): Buffer {
  const env = integrationsEnv();
  const secret = env.INTEGRATIONS_SECRET ?? env.AUTH_SECRET;
  if (!secret || secret.length < 32) throw new Error("INTEGRATIONS_SECRET (or AUTH_SECRET) must be set, 32+ characters, to store integration credentials.");
  return Buffer.from(hkdfSync("sha256", secret, "centrex-secret-box", "integration-credentials", 32));
}

/** A stored credential that cannot be read back: the partner must enter it again. */
export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedSecretError";
  }
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plaintext, or an error naming the problem (never the value). */
export function open(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new SealedSecretError("Stored credential is not in a known format. Enter it again.");
  const secretKey = key(); // a missing secret is a configuration error, not an unreadable value
  try {
    // A mangled IV or tag (wrong length) throws here, before decryption: the same unreadable value.
    const decipher = createDecipheriv("aes-256-gcm", secretKey, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedSecretError("Stored credential cannot be opened (was INTEGRATIONS_SECRET or AUTH_SECRET changed?). Enter it again.");
  }
}

/** "••••a1b2": enough for a partner to recognise which key is stored. */
export const secretHint = (secret: string) => `••••${secret.slice(-4)}`;
