import { createHash, randomBytes } from "node:crypto";

/** Base32 without padding or look-alikes: safe in SIP URIs and easy to read aloud. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/**
 * A fresh SIP identity for a tenant. The username is globally unique in practice (Asterisk has
 * one PJSIP namespace; the database's unique index catches the rest). The secret is 24 random
 * base64url characters (144 bits) and is NOT returned: only md5(username:realm:secret) is kept,
 * so whoever needs to see a secret regenerates it (extensions module) and sees it once.
 */
export function newSipIdentity(tenantId: string, realm: string) {
  const username = `t${tenantId.slice(-6).toLowerCase()}-${randomToken(10)}`;
  const secret = randomBytes(18).toString("base64url");
  return { username, authMd5: sipAuthMd5(username, realm, secret), secret };
}

/** PJSIP's md5_cred: md5 of "username:realm:secret", hex. */
export function sipAuthMd5(username: string, realm: string, secret: string): string {
  return createHash("md5").update(`${username}:${realm}:${secret}`).digest("hex");
}
