/**
 * The rules of proving a mobile number by SMS code, pure: how a code is made, how it is kept,
 * and the limits on guessing and sending.
 *
 * Codes are kept as HMAC-SHA256(key, verificationId + ":" + code), the key derived from
 * AUTH_SECRET. Not Argon2: a six-digit code has only a million values, so a slow hash of a
 * leaked row still falls to brute force in hours, while a keyed hash makes a database dump
 * alone worth nothing, and costs microseconds per guess on our side. Binding the id into the
 * message means a hash copied onto another verification row never matches.
 */
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";

/** A code is valid this long after it is sent. */
export const CODE_TTL_MINUTES = 10;
/** Guesses per code; the next one is refused even when right, and a new code is needed. */
export const MAX_ATTEMPTS = 5;
/** Codes sent to one number, from any company, within SEND_WINDOW_MINUTES. */
export const MAX_SENDS_PER_NUMBER = 3;
export const SEND_WINDOW_MINUTES = 10;
/** Codes one person may ask for in an hour, whatever the numbers (stops a user spraying texts). */
export const MAX_SENDS_PER_USER_PER_HOUR = 10;
export const CODE_LENGTH = 6;

const MINUTE_MS = 60_000;

/** Six digits from the operating system's CSPRNG, zero-padded ("004211" is as likely as "999999"). */
export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");
}

function hashKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "centrex-caller-id", "mobile-verification-code", 32));
}

/** The stored form of `code` for the verification `verificationId` (hex). */
export function hashCode(secret: string, verificationId: string, code: string): string {
  return createHmac("sha256", hashKey(secret)).update(`${verificationId}:${code}`).digest("hex");
}

/** Whether `code` is the one hashed into `codeHash`, compared in constant time. */
export function isCodeMatch(secret: string, verificationId: string, code: string, codeHash: string): boolean {
  const expected = Buffer.from(codeHash, "hex");
  const actual = Buffer.from(hashCode(secret, verificationId, code), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export const expiresAtFor = (sentAt: Date) => new Date(sentAt.getTime() + CODE_TTL_MINUTES * MINUTE_MS);
export const sendWindowStart = (now: Date) => new Date(now.getTime() - SEND_WINDOW_MINUTES * MINUTE_MS);
export const userWindowStart = (now: Date) => new Date(now.getTime() - 60 * MINUTE_MS);

/** Whole minutes (at least one) until the oldest send in the window leaves it. */
export function minutesUntilNextSend(oldestSendInWindow: Date, now: Date, windowMinutes = SEND_WINDOW_MINUTES): number {
  const freeAt = oldestSendInWindow.getTime() + windowMinutes * MINUTE_MS;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / MINUTE_MS));
}

export function codeMessage(partnerName: string, code: string): string {
  return `Your ${partnerName} verification code is ${code}. It expires in ${CODE_TTL_MINUTES} minutes.`;
}

/**
 * Whether a mobile on the company's list may be presented as caller ID: proved by code, or
 * added without proof while the partner's policy allows that. One rule for the form, the
 * extension check and the dial plan, so they never disagree.
 */
export function isUsableAsCli(mobile: { verifiedAt: Date | null }, policy: { allowUnverifiedMobileCli: boolean }): boolean {
  return mobile.verifiedAt !== null || policy.allowUnverifiedMobileCli;
}
